/*
 * The plain C baseline for the XLSXWriter wrapper: writes one sheet of 10,000 rows × 52 cells (a code, a
 * Vietnamese name, 50 numbers with the format "0.00", under a bold header row) with libxlsxwriter, the same cells
 * as `ICTIndexBenchmarks baseline DIR`. Runs 5 times and prints min and median wall time.
 *
 *   cc -O2 baseline.c $(pkg-config --cflags --libs xlsxwriter) -o baseline && ./baseline OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xlsxwriter.h>

enum { ROWS = 10000, NUMBERS = 50, RUNS = 5 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int write_once(const char *path) {
    lxw_workbook *workbook = workbook_new(path);
    if (!workbook) return 1;
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Data");
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format *number = workbook_add_format(workbook);
    format_set_num_format(number, "0.00");
    char text[64];
    worksheet_write_string(sheet, 0, 0, "code", bold);
    worksheet_write_string(sheet, 0, 1, "name", bold);
    for (int j = 0; j < NUMBERS; j++) {
        snprintf(text, sizeof text, "v%d", j + 1);
        worksheet_write_string(sheet, 0, j + 2, text, bold);
    }
    for (int i = 0; i < ROWS; i++) {
        snprintf(text, sizeof text, "U%d", i + 1);
        worksheet_write_string(sheet, i + 1, 0, text, NULL);
        snprintf(text, sizeof text, "Đơn vị %d", i + 1);
        worksheet_write_string(sheet, i + 1, 1, text, NULL);
        for (int j = 0; j < NUMBERS; j++) {
            worksheet_write_number(sheet, i + 1, j + 2, ((i * 31 + j * 17) % 10000) / 100.0, number);
        }
    }
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: baseline OUT.xlsx\n");
        return 64;
    }
    double times[RUNS];
    for (int r = 0; r < RUNS; r++) {
        double start = now();
        if (write_once(argv[1]) != 0) {
            fprintf(stderr, "baseline: cannot write %s\n", argv[1]);
            return 1;
        }
        times[r] = now() - start;
    }
    qsort(times, RUNS, sizeof times[0], compare);
    printf("C libxlsxwriter, %d rows x %d cells: median %.1f ms, min %.1f ms (%d runs)\n", ROWS, NUMBERS + 2,
           times[RUNS / 2] * 1000, times[0] * 1000, RUNS);
    return 0;
}
