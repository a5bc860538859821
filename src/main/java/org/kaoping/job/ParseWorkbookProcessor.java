package org.kaoping.job;


import java.nio.file.Path;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step 2's processor: reads and normalizes one workbook (on one of the step's read threads); a bad file comes back
 * rejected, never thrown.
 */
public class ParseWorkbookProcessor implements ItemProcessor<RunFileRepository.RunFile, ParsedWorkbookRepository.Stored> {
    private static final Logger log = LoggerFactory.getLogger(ParseWorkbookProcessor.class);

    private final Path campaignInput;
    private final WorkbookParser parser;

    public ParseWorkbookProcessor(Path campaignInput, WorkbookParser parser) {
        this.campaignInput = campaignInput;
        this.parser = parser;
    }

    @Override
    public ParsedWorkbookRepository.Stored process(RunFileRepository.RunFile item) {
        ParsedWorkbook workbook = parser.parse(item.file(), campaignInput.resolve(item.file().path()));
        if (workbook.rejected()) {
            log.warn("  拒收 {}：{}", item.file().path(), workbook.rejection());
        } else {
            log.debug("  读取 {}：{}", item.file().path(), workbook.summary());
        }
        return new ParsedWorkbookRepository.Stored(item.parseKey(), workbook);
    }
}
