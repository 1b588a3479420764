/*
 * Puts the Linux guest into guest RAM as the arm64 boot protocol wants it
 * (Documentation/arch/arm64/booting.rst in Linux): the Image at text_offset
 * above a 2 MiB-aligned base, the device tree and the initramfs beside it.
 * The VMM writes through its own cached mapping of guest RAM while the
 * guest starts with its MMU and caches off, so everything written is
 * cleaned to the point of coherency before the vCPU runs.
 */
#include <stddef.h>
#include <stdint.h>
#include "vmm.h"
#include "vm_layout.h"

void *memcpy(void *dst, const void *src, size_t n);

extern const char guest_image[], guest_image_end[];
extern const char guest_initrd[], guest_initrd_end[];
extern const char guest_dtb[], guest_dtb_end[];

/* Set by the tool: where guest_ram is mapped in the VMM (vm.system). */
seL4_Word guest_ram_vaddr;

/* The arm64 Image header (booting.rst, "Call the kernel image"). */
struct image_header {
    uint32_t code0, code1;
    uint64_t text_offset; /* little-endian, as everything here */
    uint64_t image_size;  /* 0: a kernel older than 3.17, text_offset 0x80000 */
    uint64_t flags;
    uint64_t res2, res3, res4;
    uint32_t magic; /* "ARM\x64" */
    uint32_t res5;
};
#define IMAGE_MAGIC 0x644d5241u

#define PAGE_2M 0x200000ul
#define PAGE_4K 0x1000ul

/* Clean [va, va + size) to the point of coherency, one mapping page per call. */
static void clean_to_poc(seL4_Word va, seL4_Word size)
{
    seL4_Word end = va + size;

    while (va < end) {
        seL4_Word page = (va & (PAGE_2M - 1)) == 0 && end - va >= PAGE_2M ? PAGE_2M : PAGE_4K;
        seL4_Word stop = (va & ~(page - 1)) + page;
        if (stop > end) {
            stop = end;
        }
        if (seL4_ARM_VSpace_Clean_Data(MK_HANDLE_VSPACE, va, stop) != seL4_NoError && page == PAGE_2M) {
            /* Guest RAM mapped with 4 KiB pages: clean page by page. */
            page = PAGE_4K;
            continue;
        }
        va = stop;
    }
}

static void put(seL4_Word gpa, const char *src, seL4_Word size)
{
    seL4_Word va = guest_ram_vaddr + (gpa - GUEST_RAM_BASE);

    memcpy((void *)va, src, size);
    clean_to_poc(va, size);
}

static void report(const char *what, seL4_Word gpa, seL4_Word size)
{
    vmm_puts("vmm: ");
    vmm_puts(what);
    vmm_puts(" at ");
    vmm_puthex(gpa);
    vmm_puts(", ");
    vmm_putdec(size);
    vmm_puts(" bytes\n");
}

/* Returns the kernel's entry point (guest-physical) and the device tree's address, or 0. */
seL4_Word guest_load(seL4_Word *dtb_gpa)
{
    seL4_Word image_len = guest_image_end - guest_image;
    seL4_Word initrd_len = guest_initrd_end - guest_initrd;
    seL4_Word dtb_len = guest_dtb_end - guest_dtb;
    struct image_header h;

    if (image_len == 0) {
        vmm_puts("vmm: no guest kernel in this image: the Debian packages could not be downloaded when it was built "
                 "(see build/.../guest/SKIPPED; rebuild with network access)\n");
        return 0;
    }
    if (image_len < sizeof(h)) {
        vmm_puts("vmm: the guest kernel is too small to be an arm64 Image\n");
        return 0;
    }
    memcpy(&h, guest_image, sizeof(h));
    if (h.magic != IMAGE_MAGIC) {
        vmm_puts("vmm: the guest kernel has no arm64 Image magic (ARM\\x64 at offset 0x38)\n");
        return 0;
    }
    if (h.image_size == 0) {
        h.text_offset = 0x80000;
        h.image_size = image_len;
    }
    seL4_Word load = GUEST_IMAGE_BASE + h.text_offset;
    /* image_size covers the kernel's BSS too: nothing else may start below its end. */
    if (h.image_size < image_len || load + h.image_size > GUEST_DTB_ADDR) {
        vmm_puts("vmm: the guest kernel's image_size ");
        vmm_puthex(h.image_size);
        vmm_puts(" does not fit below the device tree at ");
        vmm_puthex(GUEST_DTB_ADDR);
        vmm_puts(" (vm_layout.h)\n");
        return 0;
    }
    if (dtb_len > GUEST_INITRD_ADDR - GUEST_DTB_ADDR ||
        initrd_len > GUEST_RAM_BASE + GUEST_RAM_SIZE - GUEST_INITRD_ADDR) {
        vmm_puts("vmm: the device tree or the initramfs does not fit in guest RAM (vm_layout.h)\n");
        return 0;
    }
    put(load, guest_image, image_len);
    put(GUEST_DTB_ADDR, guest_dtb, dtb_len);
    put(GUEST_INITRD_ADDR, guest_initrd, initrd_len);
    report("Linux Image", load, image_len);
    report("initramfs", GUEST_INITRD_ADDR, initrd_len);
    report("device tree", GUEST_DTB_ADDR, dtb_len);
    *dtb_gpa = GUEST_DTB_ADDR;
    return load;
}
