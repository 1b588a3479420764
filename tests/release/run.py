#!/usr/bin/env python3
"""The release tarball, tried as a user would, away from the repository.

  1. make release builds build/release/minikit-sdk-<version>-linux-x86_64.tar.gz
     (<version> from scripts/version.sh);
  2. it is unpacked into a new empty directory under /tmp;
  3. checks there: the layout, VERSION, `microkit --version`, ldd of every
     host command (bin/, toolchain/bin/: glibc only), no file naming the
     repository, no absolute symbolic link;
  4. every example in the SDK's example/ is built in place with its own
     Makefile, with LLVM=True and with the GCC names (toolchain/bin on PATH,
     TOOLCHAIN=aarch64-none-elf), and booted with the SDK's bin/microkit-run;
     the console must show the example's expected lines, the ones of
     tests/system/<example>/test.json (an example without one fails);
  5. the flagship once more with only upstream Microkit's compiler flags, so
     the wrappers alone must make Debian's GCC behave as a bare-metal one.

Prints PASS/FAIL per case and ends with "N passed, N failed". Exit status 1
if anything failed. Environment: BUILD (default build); KEEP=1 keeps the
unpacked SDK.

Usage: tests/release/run.py [-v]
"""

import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("BUILD", "build")
BOARD = "qemu_virt_aarch64"
CONFIGS = ("debug", "release", "benchmark")
# What ldd may show for a host command: the vDSO and glibc.
GLIBC = {"linux-vdso.so.1", "libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2"}
BOOT_VARIANT = "el2/cortex-a53"  # one boot per example and toolchain keeps this fast

# tests/system/run.py boots images and reads their console; reuse it.
_spec = importlib.util.spec_from_file_location("systemrun", os.path.join(REPO, "tests", "system", "run.py"))
systemrun = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(systemrun)

VERBOSE = "-v" in sys.argv[1:]
results = []  # (ok, name)


def case(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} release/{name}{'' if ok or not detail else ': ' + detail}", flush=True)
    return ok


def clean_env(**extra):
    """The caller's environment without what a surrounding make passes down."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "BUILD", "MICROKIT_SDK")}
    env.update(extra)
    return env


def sh(cmd, cwd, env, timeout=600):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    out = p.stdout.decode("utf-8", "replace")
    if VERBOSE:
        print(out, end="")
    return p.returncode, out


def tail(text, n=15):
    return "\n".join("  | " + l for l in text.rstrip("\n").split("\n")[-n:])


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def main():
    # 1. The tarball.
    rc, version = sh([os.path.join(REPO, "scripts", "version.sh")], REPO, clean_env())
    version = version.strip()
    if not case("version", rc == 0 and re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+(-[0-9]+-g[0-9a-f]+)?(-dirty)?", version) is not None,
                f"scripts/version.sh printed '{version}'"):
        return finish()
    rc, out = sh(["make", "--no-print-directory", "-j2", f"BUILD={BUILD}", "release"], REPO, clean_env())
    release_dir = os.path.join(REPO, BUILD, "release")
    tarball = os.path.join(release_dir, f"minikit-sdk-{version}-linux-x86_64.tar.gz")
    found = sorted(glob.glob(os.path.join(release_dir, "minikit-sdk-*.tar.gz")))
    if not case("make-release", rc == 0 and found == [tarball],
                f"exit {rc}, tarballs {[os.path.basename(f) for f in found]}, expected {os.path.basename(tarball)}\n{tail(out)}"):
        return finish()
    print(f"  tarball {os.path.relpath(tarball, REPO)}: {os.path.getsize(tarball) // 1024} KiB", flush=True)

    # 2. Unpacked into an empty directory outside the repository.
    tmp = tempfile.mkdtemp(prefix="minikit-release-test.", dir="/tmp")
    try:
        run_unpacked(tmp, tarball, version)
    finally:
        if os.environ.get("KEEP") == "1":
            print(f"  kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return finish()


def run_unpacked(tmp, tarball, version):
    rc, out = sh(["tar", "-xzf", tarball, "-C", tmp], tmp, clean_env())
    top = os.listdir(tmp)
    name = f"minikit-sdk-{version}-linux-x86_64"
    if not case("unpack", rc == 0 and top == [name], f"exit {rc}, top level {top}, expected [{name}]\n{tail(out)}"):
        return
    sdk = os.path.join(tmp, name)

    # 3. What is in it.
    want = ["bin/microkit", "bin/microkit-run", "VERSION", "CHANGES.md", "README.md", "docs/minikit-manual.html",
            "example/example.mk"]
    want += [f"toolchain/bin/aarch64-none-elf-{t}" for t in ("gcc", "ld", "as", "ar", "objcopy", "objdump")]
    for c in CONFIGS:
        d = f"board/{BOARD}/{c}"
        want += [f"{d}/include/kernel/gen_config.h", f"{d}/include/microkit.h", f"{d}/lib/libmicrokit.a",
                 f"{d}/lib/microkit.ld", f"{d}/elf/minikit.elf", f"{d}/elf/minikit-vm.elf"]
    want += ["bin/microkit-symbolize", "share/minikit/symbolize.py", "bin/microkit-trace", "share/minikit/trace.py",
             f"board/{BOARD}/debug/elf/kernel-trace.elf"]
    want += [os.path.relpath(p, REPO) for p in glob.glob(os.path.join(REPO, "docs", "*.md"))]
    examples = sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(REPO, "examples", "*", "Makefile")))
    want += [f"example/{e}/Makefile" for e in examples]
    missing = [w for w in want if not os.path.exists(os.path.join(sdk, w))]
    case("layout", not missing, f"missing {missing}")
    with open(os.path.join(sdk, "VERSION")) as f:
        v = f.read().strip()
    case("VERSION", v == version, f"VERSION says '{v}', expected '{version}'")
    rc, out = sh([os.path.join(sdk, "bin", "microkit"), "--version"], tmp, clean_env())
    case("microkit--version", rc == 0 and out.strip() == f"microkit (Minikit) {version}", f"exit {rc}: {out.strip()}")
    manual = open(os.path.join(sdk, "docs", "minikit-manual.html"), encoding="utf-8").read()
    dead = sorted({h for h in re.findall(r'href="#([^"]+)"', manual)} - set(re.findall(r'id="([^"]+)"', manual)))
    case("manual-html", "<html" in manual and "<nav id=\"TOC\"" in manual and not dead, f"links to no anchor: {dead[:10]}")

    # ldd of every host command: nothing beyond glibc. Scripts must be /bin/sh scripts.
    bad = []
    commands = sorted(glob.glob(os.path.join(sdk, "bin", "*")) + glob.glob(os.path.join(sdk, "toolchain", "bin", "*")))
    for cmd in commands:
        rel = os.path.relpath(cmd, sdk)
        if not os.access(cmd, os.X_OK):
            bad.append(f"{rel}: not executable")
        elif is_elf(cmd):
            rc, out = sh(["ldd", cmd], tmp, clean_env())
            libs = {os.path.basename(l.split()[0]) for l in out.strip().split("\n") if l.strip()}
            print(f"  ldd {rel}: {' '.join(sorted(libs))}", flush=True)
            if rc != 0 or libs - GLIBC:
                bad.append(f"{rel}: {sorted(libs - GLIBC) or out.strip()}")
        else:
            with open(cmd, "rb") as f:
                first = f.readline().strip()
            if first != b"#!/bin/sh":
                bad.append(f"{rel}: neither an ELF executable nor a /bin/sh script ({first[:40]!r})")
    case("ldd-glibc-only", commands and not bad, "; ".join(bad) or "no host commands")

    # Relocatable: nothing names the repository; no absolute links.
    rc, out = sh(["grep", "-rlF", "-e", REPO, "-e", os.path.realpath(REPO), "."], sdk, clean_env())
    abs_links = [os.path.relpath(os.path.join(d, n), sdk) for d, ds, fs in os.walk(sdk) for n in ds + fs
                 if os.path.islink(os.path.join(d, n)) and os.readlink(os.path.join(d, n)).startswith("/")]
    case("relocatable", rc == 1 and not abs_links,
         f"files naming {REPO}: {out.split()}; absolute links: {abs_links}")

    # The GCC names behave as a bare-metal compiler's: no Linux macros, inline atomics, an assembler.
    tc_env = clean_env(PATH=os.path.join(sdk, "toolchain", "bin") + os.pathsep + os.environ.get("PATH", ""))
    src = os.path.join(tmp, "atomic.c")
    with open(src, "w") as f:
        f.write("#if defined(__linux__) || defined(__unix__)\n#error Linux macros\n#endif\n"
                "int add(int *p) { return __atomic_fetch_add(p, 1, __ATOMIC_SEQ_CST); }\n")
    with open(os.path.join(tmp, "nop.S"), "w") as f:
        f.write(".text\n.global f\nf: ret\n")
    rc1, o1 = sh(["aarch64-none-elf-gcc", "-O2", "-c", "atomic.c", "-o", "atomic.o"], tmp, tc_env)
    rc2, o2 = sh(["aarch64-none-elf-objdump", "-dr", "atomic.o"], tmp, tc_env)
    rc3, o3 = sh(["aarch64-none-elf-as", "nop.S", "-o", "nop.o"], tmp, tc_env)
    case("gcc-names-bare-metal", rc1 == 0 and rc2 == 0 and rc3 == 0 and "__aarch64_" not in o2,
         f"gcc {rc1}, objdump {rc2}, as {rc3}\n{tail(o1 + o2 + o3)}")

    # 4. Every example, both toolchains, built in place and booted.
    toolchains = {
        "llvm": (clean_env(), ["LLVM=True"]),
        "gcc-names": (tc_env, ["TOOLCHAIN=aarch64-none-elf"]),
    }
    for e in examples:
        spec_dir = os.path.join(REPO, "tests", "system", e)
        if not case(f"{e}/expected-output", os.path.isfile(os.path.join(spec_dir, "test.json")),
                    f"no tests/system/{e}/test.json with the example's expected console lines"):
            continue
        for tc, (env, args) in toolchains.items():
            build_and_boot(sdk, e, tc, env, args)

    # 5. Upstream Microkit's flags only: the wrappers must supply -fno-pie and inline atomics.
    build_and_boot(sdk, "shared-memory", "gcc-names-upstream-flags", tc_env,
                   ["TOOLCHAIN=aarch64-none-elf", "CFLAGS_ARCH=-mstrict-align"])


def build_and_boot(sdk, example, tc, env, args):
    out_root = os.path.join(os.path.dirname(sdk), "out", tc)
    build_dir = os.path.join(out_root, "examples", example)
    env = dict(env, MICROKIT_SDK=sdk)
    # V=1: the command lines are shown (the checks below read which compiler ran).
    rc, out = sh(["make", f"BUILD_DIR={build_dir}", "V=1"] + args, os.path.join(sdk, "example", example), env)
    image = os.path.join(build_dir, "loader.img")
    ok = rc == 0 and os.path.isfile(image)
    if ok and tc.startswith("gcc-names"):
        # The wrappers were used, not Debian's names directly.
        if not re.search(r"^aarch64-none-elf-gcc ", out, re.M) or re.search(r"^aarch64-linux-gnu-", out, re.M):
            ok = False
            out += "\n(the build did not compile with aarch64-none-elf-gcc)"
    if ok and tc == "llvm" and not re.search(r"^clang ", out, re.M):
        ok = False
        out += "\n(the build did not compile with clang)"
    if not case(f"{example}/{tc}/build", ok, f"exit {rc}\n{tail(out)}"):
        return
    test = systemrun.Test(example, out_root)
    if os.path.abspath(test.image) != image:
        case(f"{example}/{tc}/boot", False, f"tests/system/{example}/test.json boots {test.image}, not {image}")
        return
    skipped = systemrun.skip_reason(test)
    if skipped:
        print(f"SKIP {example}/{tc}/boot: {skipped}", flush=True)
        return
    systemrun.RUN_QEMU = os.path.join(sdk, "bin", "microkit-run")
    variant = BOOT_VARIANT if BOOT_VARIANT in test.variants else test.variants[0]
    ok, reason, console = systemrun.run_variant(test, variant, VERBOSE)
    case(f"{example}/{tc}/boot[{variant}]", ok, reason + ("\n" + "\n".join("  | " + l for l in console) if not ok else ""))


def finish():
    passed = sum(1 for r in results if r)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
