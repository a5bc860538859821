package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kaoping.intake.InputFile;
import org.kaoping.intake.InputScanner;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.roster.RosterLoader;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.support.Samples;

class StoredParseResultTest {

    @ParameterizedTest
    @CsvSource({"shanxi-2020-demo, shanxi-2020", "hunan-2023-demo, hunan-2023"})
    void everySampleWorkbookReadsBackFromItsStoredDocumentAsParsed(String sample, String rubric) {
        Path root = Samples.sample(sample);
        WorkbookParser parser = new WorkbookParser(new RubricLoader().load(Path.of("config/rubrics", rubric + ".yml")),
                new RosterLoader().load(root.resolve("roster.xlsx")));
        List<ParsedWorkbook> parsed = new ArrayList<>();
        for (InputFile file : new InputScanner().scan(root.resolve("input"))) {
            if (file.readable()) {
                parsed.add(parser.parse(file, root.resolve("input").resolve(file.path())));
            }
        }
        List<LeafScore> scores = parsed.stream().flatMap(w -> w.sheets().stream()).flatMap(s -> s.scores().stream())
                .toList();
        assertThat(parsed).hasSizeGreaterThan(5);
        assertThat(scores).hasSizeGreaterThan(100);
        for (ParsedWorkbook workbook : parsed) {
            byte[] document = new ParsedWorkbookRepository.Stored("key", workbook).document();
            assertThat(ParsedWorkbookCodec.decode(document)).isEqualTo(workbook);
        }
    }
}
