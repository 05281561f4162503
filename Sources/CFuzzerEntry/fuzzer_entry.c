// SwiftPM links an executable with `main` renamed to `<module>_main` (here glovebox_fuzz_main)
// so tests can link the module; the fuzz driver's Swift module is parsed as a library and has
// no main. This is that main: it runs libFuzzer's driver on the Swift LLVMFuzzerTestOneInput
// (LLVMFuzzerInitialize is found by libFuzzer itself).
#include <stddef.h>
#include <stdint.h>
#include "CFuzzerEntry.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int glovebox_fuzz_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
