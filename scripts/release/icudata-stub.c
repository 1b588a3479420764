/*
 * An empty ICU data table, linked into the static tool unless
 * `TOOL_ICU_DATA=full` (tool/tool.mk).
 *
 * libxml2 converts the encodings it does not know itself with glibc's iconv
 * first and with ICU only after that; the tool reads UTF-8 .system files. ICU
 * is linked only for that last resort, and its data (libicudata.a, the
 * converter tables, 31 MB of the 33.5 MB static tool) is then never read.
 * This is ICU's own "stubdata" table (ICU_Data_Header with no entries,
 * icu4c/source/stubdata): with it in place of libicudata the tool is 2.3 MB;
 * an encoding only ICU would know fails as an unknown one.
 * ICU_DATA_SYMBOL is icudt<ICU major version>_dat.
 */
#include <stdint.h>

struct icu_data_header {
    uint16_t header_size;
    uint8_t magic1, magic2;
    struct {
        uint16_t size, reserved_word;
        uint8_t is_big_endian, charset_family, sizeof_uchar, reserved_byte;
        uint8_t data_format[4], format_version[4], data_version[4];
    } info;
    char padding[8];
    uint32_t count, reserved;
    uint32_t toc[4];
};

const struct icu_data_header ICU_DATA_SYMBOL __attribute__((aligned(16))) = {
    .header_size = 32,
    .magic1 = 0xda,
    .magic2 = 0x27,
    .info = {
        .size = 20,
        .is_big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__,
        .charset_family = 0, /* ASCII */
        .sizeof_uchar = 2,
        .data_format = {'T', 'o', 'C', 'P'},
        .format_version = {1, 0, 0, 0},
    },
    .count = 0,
};
