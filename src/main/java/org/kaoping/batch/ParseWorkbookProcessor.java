package org.kaoping.batch;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step 2's processor: the workbook read and normalized, as {@link ParseAhead} parsed it on a read thread
 * (listeners of the step still see each workbook go through here, in order).
 */
public class ParseWorkbookProcessor implements ItemProcessor<RunFileRepository.RunFile, ParsedWorkbookRepository.Stored> {
    private final ParseAhead ahead;

    public ParseWorkbookProcessor(ParseAhead ahead) {
        this.ahead = ahead;
    }

    @Override
    public ParsedWorkbookRepository.Stored process(RunFileRepository.RunFile item) throws Exception {
        return ahead.take(item);
    }
}
