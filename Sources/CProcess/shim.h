#ifndef MADO_CPROCESS_SHIM_H
#define MADO_CPROCESS_SHIM_H
// prctl(2) is variadic, which Swift does not import, and Glibc's module leaves <sys/prctl.h> out: reach it here.
#include <sys/prctl.h>

// No core dump, no ptrace by the same user, /proc/PID owned by root: the process holds the desk key and
// decrypted names. Inherited across fork, reset by execve of another binary.
static inline int mado_forbid_core_dumps(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
#endif
