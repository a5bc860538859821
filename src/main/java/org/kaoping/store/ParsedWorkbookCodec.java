package org.kaoping.store;

import java.util.Arrays;
import java.util.List;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.scoring.Discrepancy;
import tools.jackson.databind.ObjectReader;

/**
 * A workbook's parse result as a stored document ({@link StoredJson}), for {@code kp_parse_result}: encoded on the
 * read step's parsing threads, decoded for every file whose units are scored again. Parse keys hold the
 * {@link BuildFingerprint}, so a document is only ever decoded by the build that encoded it.
 */
public final class ParsedWorkbookCodec {
    private static final ObjectReader WORKBOOK = StoredJson.MAPPER.readerFor(ParsedWorkbook.class);
    private static final ObjectReader FINDINGS = StoredJson.MAPPER.readerFor(Discrepancy[].class);

    private ParsedWorkbookCodec() {
    }

    static byte[] encode(ParsedWorkbook w) {
        return StoredJson.write(w);
    }

    static ParsedWorkbook decode(byte[] encoded) {
        return decode(encoded, Canon.NONE);
    }

    /** {@code canon}: shared by the results decoded together. */
    static ParsedWorkbook decode(byte[] encoded, Canon canon) {
        return StoredJson.read(encoded, WORKBOOK, canon);
    }

    /** A workbook's findings alone, for the report's outline of every file. */
    static byte[] encodeFindings(List<Discrepancy> findings) {
        return StoredJson.write(findings.toArray(Discrepancy[]::new));
    }

    static List<Discrepancy> decodeFindings(byte[] encoded) {
        Discrepancy[] findings = StoredJson.read(encoded, FINDINGS, Canon.NONE);
        return Arrays.asList(findings);
    }
}
