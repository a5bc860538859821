package org.kaoping.job;

import java.util.ArrayList;
import org.kaoping.store.ParsedWorkbookRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step 2's writer: stores a chunk's parse results in the chunk's transaction and says how far the step has come.
 * Progress is logged a chunk at a time, not a line per workbook: at thousands of workbooks, writing those lines
 * took a tenth of the step, and 运行信息 lists every file with how it was read anyway.
 */
public class ParsedWorkbookWriter implements ItemWriter<ParsedWorkbookRepository.Stored> {
    private static final Logger log = LoggerFactory.getLogger(ParsedWorkbookWriter.class);

    private final ParsedWorkbookRepository parsed;
    private int written;

    public ParsedWorkbookWriter(ParsedWorkbookRepository parsed) {
        this.parsed = parsed;
    }

    @Override
    public void write(Chunk<? extends ParsedWorkbookRepository.Stored> chunk) {
        parsed.saveAll(new ArrayList<>(chunk.getItems()));
        written += chunk.size();
        log.info("  已读取 {} 个工作簿", written);
    }
}
