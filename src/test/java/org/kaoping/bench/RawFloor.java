package org.kaoping.bench;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.kaoping.intake.InputFile;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.read.ReadLimits;
import org.kaoping.read.WorkbookGridReader;
import org.kaoping.scoring.input.Source;

/**
 * The floor a run is measured against: open every workbook and stream every sheet's cells, with no
 * normalisation and no database — with kaoping's own lean .xlsx reader ({@link WorkbookGridReader}, the fastest
 * here) and, for comparison, with FastExcel's event reader keeping nothing. Files are spread over as many threads
 * as the read step uses, so the ratio compares like with like.
 */
final class RawFloor {
    private RawFloor() {
    }

    /** Streams every file with kaoping's reader into cell grids; returns the number of non-empty cells. */
    static long lean(List<Path> files, int threads) throws Exception {
        WorkbookGridReader reader = new WorkbookGridReader(ReadLimits.DEFAULT);
        LongAdder cells = new LongAdder();
        parallel(files, threads, file -> reader.read(file).forEach(g -> {
            for (int r = 0; r <= g.lastRow(); r++) {
                cells.add(g.row(r).size());
            }
        }));
        return cells.sum();
    }

    /**
     * Reads and normalises every file as the read step does ({@link WorkbookParser}), storing nothing: between the
     * floor and the read step, it tells normalising apart from storing and the step's own overhead.
     */
    static long parsed(List<Path> files, Path input, WorkbookParser parser, int threads) throws Exception {
        LongAdder scores = new LongAdder();
        parallel(files, threads, file -> {
            String relative = input.relativize(file).toString().replace('\\', '/');
            InputFile described = new InputFile(relative, relative.startsWith("inspection/") ? Source.INSPECTION
                    : Source.SELF, 0, 0, "", null);
            parser.parse(described, file).sheets().forEach(s -> scores.add(s.scores().size()));
        });
        return scores.sum();
    }

    /** Streams every file with FastExcel's event reader, keeping nothing; returns the number of cells. */
    static long fastExcel(List<Path> files, int threads) throws Exception {
        LongAdder cells = new LongAdder();
        parallel(files, threads, file -> FastExcel.read(file.toFile(), new Counter(cells)).headRowNumber(0)
                .readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA).doReadAll());
        return cells.sum();
    }

    private static void parallel(List<Path> files, int threads, Consumer<Path> read) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        read.accept(files.get(i));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private record Counter(LongAdder cells) implements ReadListener<Map<Integer, ReadCellData<?>>> {
        @Override
        public void invoke(Map<Integer, ReadCellData<?>> row, AnalysisContext context) {
            cells.add(row.size());
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
        }
    }
}
