// Hands the process to libFuzzer (see fuzzer_entry.c). Nothing to call from Swift.
#ifndef GLOVEBOX_CFUZZER_ENTRY_H
#define GLOVEBOX_CFUZZER_ENTRY_H
int glovebox_fuzz_main(int argc, char **argv);
#endif
