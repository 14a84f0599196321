// The encoding tables of Python's CJK codecs, read when AWS_CLI_OUTPUT_ENCODING or
// PYTHONIOENCODING names one (about 270 KiB of data, a bundle of its own: the core and the code
// pages' bundle never carry it). Made from Python 3.11.2 by scripts/gen-cjk-tables.py; the
// format is read by table.ts. big5hkscs, johab, hz, the ISO-2022 codecs and the JIS X 0213 ones
// are not here: they are written as UTF-8.
import { DATA as big5 } from './big5.js';
import { DATA as cp932 } from './cp932.js';
import { DATA as cp949 } from './cp949.js';
import { DATA as cp950 } from './cp950.js';
import { DATA as euc_jp } from './euc_jp.js';
import { DATA as euc_kr, MAKEUP } from './euc_kr.js';
import { DATA as gb18030, RANGES } from './gb18030.js';
import { DATA as gb2312 } from './gb2312.js';
import { DATA as gbk } from './gbk.js';
import { DATA as shift_jis } from './shift_jis.js';

export { readCjkTable, readRanges } from './table.js';

export const CJK_TABLES: Readonly<Record<string, string>> = { big5, cp932, cp949, cp950, euc_jp, euc_kr, gb18030, gb2312, gbk, shift_jis };

/** gb18030's four-byte codes in the BMP: runs of linear indexes (table.ts readRanges). */
export const GB18030_RANGES = RANGES;

/** euc_kr's jamo bytes for its make-up sequences (19 initial, 21 medial, 28 final). */
export const EUC_KR_MAKEUP = MAKEUP;
