package org.kaoping.normalize;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaoping.read.GridCell;
import org.kaoping.text.Text;

/**
 * Reads a score as units write it: a number, numeric text ({@code 4.5}), full-width digits ({@code ３．５}),
 * a unit suffix ({@code 3分}, {@code 3.5 分}), a leading {@code +} or a minus sign ({@code −2}). Anything else ({@code 良好}) is not a score.
 */
final class ScoreValues {
    private static final Pattern NUMBER = Pattern.compile("^([+-]?\\d+(?:\\.\\d+)?)分?$");

    private ScoreValues() {
    }

    /** The score, or null when the cell is blank or not a number. */
    static BigDecimal parse(GridCell cell) {
        if (cell.number() != null) {
            return cell.number();
        }
        // NFKC leaves the minus sign (U+2212) alone; units paste it from Word
        String s = Text.key(cell.text()).replace('。', '.').replace('\u2212', '-');
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(1);
        return new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits);
    }
}
