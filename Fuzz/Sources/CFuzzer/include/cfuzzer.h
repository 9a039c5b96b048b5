// libFuzzer's driver entry point (from libclang_rt.fuzzer_no_main), so that a Swift executable can
// keep its own main and hand control to libFuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
