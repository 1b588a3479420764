/*
 * The guest's kernel Image, initramfs and device tree, put into the VMM's
 * ELF by the assembler. The Makefile defines GUEST_IMAGE, GUEST_INITRD and
 * GUEST_DTB as the files' paths (built by guest-assets.sh and dtc).
 */
    .section .rodata.guest, "a"

    .balign 4096
    .global guest_image, guest_image_end
guest_image:
    .incbin GUEST_IMAGE
guest_image_end:

    .balign 4096
    .global guest_initrd, guest_initrd_end
guest_initrd:
    .incbin GUEST_INITRD
guest_initrd_end:

    .balign 8
    .global guest_dtb, guest_dtb_end
guest_dtb:
    .incbin GUEST_DTB
guest_dtb_end:
