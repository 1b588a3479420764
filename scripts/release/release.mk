# make release: build/release/minikit-sdk-<version>-linux-x86_64.tar.gz, the
# SDK as a relocatable tarball (docs/sdk.md, "The release tarball").
# Included by the top-level Makefile.
#
# The kernels, libraries and tool are built apart, in $(BUILD)/release/obj:
# with the source paths in their debug information made relative
# (-ffile-prefix-map), so that nothing in the SDK names this directory, and
# with the tool linked statically (tool/tool.mk, tool-static).

RELEASE_DIR := $(BUILD)/release
RELEASE_OBJ := $(RELEASE_DIR)/obj
RELEASE_MAP := -ffile-prefix-map=$(CURDIR)=.

.PHONY: release
release:
	@v=$$(scripts/version.sh) && echo "release: version $$v" && \
	$(MAKE) --no-print-directory BUILD=$(RELEASE_OBJ) TOOL_VERSION=$$v \
		KERNEL_CFLAGS='$(KERNEL_CFLAGS) $(RELEASE_MAP)' \
		LIBMICROKIT_CFLAGS='$(LIBMICROKIT_CFLAGS) $(RELEASE_MAP)' sdk tool-static && \
	scripts/release/release.sh $(RELEASE_DIR) $$v $(RELEASE_OBJ)/sdk $(RELEASE_OBJ)/tool-static/microkit
