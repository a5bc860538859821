package org.kaoping.report;

/**
 * One unit's rows of 分项得分 as they stand in the sheet's XML from row {@code firstRow} (1-based), compressed as a
 * raw deflate segment that ends on a byte boundary (a sync flush, not the final block), so that segments can be
 * laid one after another into the sheet's zip entry as they are. {@code crc} and {@code length} are the CRC-32
 * and size of the rows' uncompressed XML, which the entry's own CRC and size are combined from.
 */
public record LeafRows(int firstRow, byte[] deflated, long crc, long length) {
}
