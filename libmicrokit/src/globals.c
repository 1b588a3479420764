/*
 * The variables the tool patches into every PD image (docs/libmicrokit.md, "Variables"), and the
 * IPC-buffer pointer. The patched ones stay in .bss: the tool writes their
 * bytes into the segment image, so they hold their values from the first
 * instruction on.
 */
#include <microkit.h>

char microkit_name[MICROKIT_PD_NAME_LENGTH];
bool microkit_passive;
seL4_Word microkit_irqs;
seL4_Word microkit_notifications;
seL4_Word microkit_pps;
seL4_Word microkit_ioports;

seL4_Bool microkit_have_signal = seL4_False;
seL4_CPtr microkit_signal_cap;
microkit_msginfo microkit_signal_msg;

seL4_IPCBuffer *__sel4_ipc_buffer = (seL4_IPCBuffer *)(seL4_UserVSpaceTop & ~0xfffULL);
