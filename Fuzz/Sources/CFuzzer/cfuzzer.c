// Declarations only; the symbols come from libclang_rt.fuzzer_no_main at link time.
#include "cfuzzer.h"
