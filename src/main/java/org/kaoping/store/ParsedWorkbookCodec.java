package org.kaoping.store;

import java.util.ArrayList;
import java.util.List;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/**
 * A workbook's parse result as bytes ({@link Binary}), for {@code kp_parse_result}: encoded on the read step's
 * parsing threads, decoded for every file whose units are scored again. Parse keys hold the
 * {@link BuildFingerprint}, so a document is only ever decoded by the build that encoded it.
 */
public final class ParsedWorkbookCodec {
    private ParsedWorkbookCodec() {
    }

    static byte[] encode(ParsedWorkbook w) {
        Binary.Writer out = new Binary.Writer();
        out.text(w.path());
        out.count(w.sheets().size());
        for (ScoreSheet s : w.sheets()) {
            out.count(s.source().ordinal());
            out.text(s.unit());
            out.text(s.group());
            out.cell(s.origin());
            out.number(s.modified());
            out.count(s.scores().size());
            for (LeafScore l : s.scores()) {
                out.text(l.leafCode());
                out.decimal(l.value());
                out.text(l.raw());
                out.cell(l.cell());
                out.decimal(l.adjustment());
                out.cell(l.adjustmentCell());
            }
            out.decimal(s.ownTotal());
            out.cell(s.ownTotalCell());
            out.decimal(s.bonusTotal());
            out.cell(s.bonusCell());
            out.decimal(s.deductionTotal());
            out.cell(s.deductionCell());
        }
        out.count(w.adjustments().size());
        for (Adjustment a : w.adjustments()) {
            out.count(a.source().ordinal());
            out.text(a.unit());
            out.text(a.group());
            out.number(a.modified());
            out.count(a.type().ordinal());
            out.text(a.item());
            out.text(a.level());
            out.decimal(a.count());
            out.decimal(a.points());
            out.text(a.evidence());
            out.cell(a.cell());
            out.cell(a.levelCell());
            out.cell(a.pointsCell());
        }
        out.discrepancies(w.findings());
        out.text(w.rejection());
        out.text(w.summary());
        return out.bytes();
    }

    static ParsedWorkbook decode(byte[] encoded) {
        return decode(encoded, Binary.Canon.NONE);
    }

    /** {@code canon}: shared by the results decoded together. */
    static ParsedWorkbook decode(byte[] encoded, Binary.Canon canon) {
        Binary.Reader in = new Binary.Reader(encoded, canon);
        String path = in.text();
        int n = in.count();
        List<ScoreSheet> sheets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Source source = Source.values()[in.count()];
            String unit = in.text();
            String group = in.text();
            var origin = in.cell();
            long modified = in.number();
            int leaves = in.count();
            List<LeafScore> scores = new ArrayList<>(leaves);
            for (int j = 0; j < leaves; j++) {
                scores.add(new LeafScore(in.text(), in.decimal(), in.text(), in.cell(), in.decimal(), in.cell()));
            }
            sheets.add(new ScoreSheet(source, unit, group, origin, modified, scores, in.decimal(), in.cell(),
                    in.decimal(), in.cell(), in.decimal(), in.cell()));
        }
        n = in.count();
        List<Adjustment> adjustments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adjustments.add(new Adjustment(Source.values()[in.count()], in.text(), in.text(), in.number(),
                    AdjustmentType.values()[in.count()], in.text(), in.text(), in.decimal(), in.decimal(), in.text(),
                    in.cell(), in.cell(), in.cell()));
        }
        List<Discrepancy> findings = in.discrepancies();
        return new ParsedWorkbook(path, sheets, adjustments, findings, in.text(), in.text());
    }

    /** A workbook's findings alone, for the report's outline of every file. */
    static byte[] encodeFindings(List<Discrepancy> findings) {
        Binary.Writer out = new Binary.Writer();
        out.discrepancies(findings);
        return out.bytes();
    }

    static List<Discrepancy> decodeFindings(byte[] encoded) {
        return new Binary.Reader(encoded).discrepancies();
    }
}
