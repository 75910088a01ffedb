// CXLSXWriter: the C API of libxlsxwriter (https://libxlsxwriter.github.io), for XLSXWriter only.
//
// Swift imports every function that XLSXWriter calls directly: none of them is a macro or variadic, so this
// shim needs no `static inline` wrappers. Add one here only when Swift cannot call a macro or a variadic
// function (the GRDB `shim.h` rule); everything else belongs in Sources/XLSXWriter/Workbook.swift.
#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

#endif
