#ifndef GLOVEBOX_CFFTW_SHIM_H
#define GLOVEBOX_CFFTW_SHIM_H
// FFTW_NO_Complex keeps fftw_complex as double[2] rather than C99 _Complex, which Swift imports
// as a plain tuple. Only Engine/Numerics may import this module.
#define FFTW_NO_Complex 1
#include <fftw3.h>
#endif
