package org.kaoping.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A web page's tables as sheets, the way Excel opens a page saved as ".xls": every table that holds no other table
 * is a sheet (outer tables are page layout), each {@code <tr>} a row, each {@code <td>}/{@code <th>} a cell placed
 * as a browser places it (past the cells that rows above span into), {@code rowspan}/{@code colspan} a merged
 * region. A cell holds its text as shown ({@code <br>} as a line break); numbers stay text and are read as the
 * normaliser reads numbers typed as text. A sheet is named by the table's {@code <caption>}, else the page's
 * {@code <title>}, else the file's name without extension; a name met again gets （2）, （3）….
 */
final class HtmlTableReader {
    private static final Pattern DECLARED = Pattern.compile("(?i)<meta[^>]*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)");
    /** Far past any sheet; only bounds a hostile page's spans. */
    private static final int MAX_COLUMNS = 16_384;
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6");

    private HtmlTableReader() {
    }

    static List<SheetGrid> read(byte[] bytes, String baseName, ReadLimits limits) {
        Document page = Jsoup.parse(TextDecoding.decode(bytes, declaredCharset(bytes)));
        String title = page.title().strip();
        List<SheetGrid> sheets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Element table : page.select("table")) {
            if (table.getElementsByTag("table").size() > 1 || table.getElementsByTag("tr").isEmpty()) {
                continue;
            }
            Element caption = table.selectFirst("caption");
            String name = caption != null && !caption.text().isBlank() ? caption.text().strip()
                    : !title.isEmpty() ? title : baseName;
            int n = seen.merge(name, 1, Integer::sum);
            SheetGrid grid = new SheetGrid(n == 1 ? name : name + "（" + n + "）", sheets.size());
            fill(grid, table, limits);
            sheets.add(grid);
        }
        return sheets;
    }

    private static void fill(SheetGrid grid, Element table, ReadLimits limits) {
        // The columns each row has taken already, from cells spanning down into it.
        Map<Integer, BitSet> taken = new HashMap<>();
        int r = 0;
        for (Element tr : table.getElementsByTag("tr")) {
            if (r >= limits.maxRows()) {
                throw new LimitExceeded(limits.tooManyRows(grid.name()));
            }
            BitSet row = taken.computeIfAbsent(r, k -> new BitSet());
            int c = 0;
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                c = row.nextClearBit(c);
                if (c >= MAX_COLUMNS) {
                    break;
                }
                int rows = span(cell.attr("rowspan"), limits.maxRows() - r);
                int cols = span(cell.attr("colspan"), MAX_COLUMNS - c);
                grid.put(r, c, new GridCell(text(cell), null));
                if (rows > 1 || cols > 1) {
                    grid.merge(r, r + rows - 1, c, c + cols - 1);
                }
                for (int i = 0; i < rows; i++) {
                    taken.computeIfAbsent(r + i, k -> new BitSet()).set(c, c + cols);
                }
                c += cols;
            }
            taken.remove(r);
            r++;
        }
    }

    /** A span as browsers read it: a positive whole number, anything else 1 (0, "all rows", also 1 here). */
    private static int span(String value, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            return Math.max(1, Math.min(n, Math.max(1, max)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The cell's text as shown: runs of white space as one space, {@code <br>} and block ends as line breaks. */
    static String text(Element cell) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text();
                    if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                        s = s.stripLeading();
                    }
                    out.append(s);
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    trimEnd(out);
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node != cell && node instanceof Element e && BLOCKS.contains(e.normalName()) && !out.isEmpty()
                        && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        }, cell);
        return out.toString().replace('\u00A0', ' ').strip();
    }

    private static void trimEnd(StringBuilder s) {
        while (!s.isEmpty() && s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 1);
        }
    }

    /** The charset the page declares in its first 4 KB ({@code <meta charset>} or {@code http-equiv}), or null. */
    private static String declaredCharset(byte[] bytes) {
        Matcher m = DECLARED.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }
}
