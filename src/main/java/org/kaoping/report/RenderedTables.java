package org.kaoping.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One workbook's long tables as its last writing rendered them: compressed blocks of {@link #BLOCK_ROWS} rows,
 * each with the row values it was rendered from. The next writing of the workbook lays a block in as it is when its
 * rows are equal to the values now at its place and every shared string it refers to has kept its index; it renders
 * the others. After one corrected workbook those are the blocks whose rows changed or moved (every cell names its
 * row), where rendering and compressing every row had been most of writing the reports of a rerun.
 * <p>
 * Kept in memory for the process (the scheduler of {@code serve}, the benchmark); a new process renders every block
 * once. Row values are compared with {@code equals}, so they must be immutable and their {@code equals} must cover
 * everything a row shows; the records of the scoring are, and unchanged units keep the same instances from run to
 * run, so that most comparisons end at identity.
 */
public final class RenderedTables {
    /** Rows per block: a block of the ranking is some 50 KB of XML, compressed on its own. */
    static final int BLOCK_ROWS = 128;

    /** A block of rows starting at row {@code index · BLOCK_ROWS} below the header. */
    record Block(List<?> rows, int maxShared, LeafRows rendered) {
    }

    /** A table's blocks in order, and what else its rows' look depends on (styles, columns, rounding …). */
    private record Table(Object frame, List<Block> blocks) {
    }

    private Map<String, Table> kept = Map.of();
    private String[] keptShared = new String[0];
    private final Map<String, Table> writing = new HashMap<>();
    private int reused;
    private int rendered;
    private Counts last = new Counts(0, 0);

    /** The blocks the last writing left for {@code sheet} if its frame was {@code frame}; else none. */
    synchronized List<Block> blocks(String sheet, Object frame) {
        Table t = kept.get(sheet);
        return t != null && t.frame().equals(frame) ? t.blocks() : List.of();
    }

    /**
     * How many of the last writing's shared strings still have their index: the length of the common start of its
     * table and {@code shared} (in index order). A kept block may be laid in only if it refers to none beyond.
     */
    synchronized int sharedPrefix(Map<String, Integer> shared) {
        int n = 0;
        for (String s : shared.keySet()) {
            if (n >= keptShared.length || !keptShared[n].equals(s)) {
                break;
            }
            n++;
        }
        return n;
    }

    /** The blocks of {@code sheet} in this writing, {@code reusedNow} of them laid in as they were kept. */
    synchronized void write(String sheet, Object frame, List<Block> blocks, int reusedNow) {
        writing.put(sheet, new Table(frame, List.copyOf(blocks)));
        reused += reusedNow;
        rendered += blocks.size() - reusedNow;
    }

    /** The workbook was saved: its tables and shared strings are what the next writing compares with. */
    synchronized void saved(Map<String, Integer> shared) {
        kept = Map.copyOf(writing);
        keptShared = shared.keySet().toArray(String[]::new);
        ended();
    }

    /** The workbook was not saved: nothing of this writing is kept. */
    synchronized void failed() {
        ended();
    }

    private void ended() {
        writing.clear();
        last = new Counts(reused, rendered);
        reused = 0;
        rendered = 0;
    }

    /** Blocks laid in as kept, and blocks rendered, in the last writing. */
    public synchronized Counts lastWriting() {
        return last;
    }

    /** Blocks laid in as they were kept, and blocks rendered. */
    public record Counts(int reused, int rendered) {
    }
}
