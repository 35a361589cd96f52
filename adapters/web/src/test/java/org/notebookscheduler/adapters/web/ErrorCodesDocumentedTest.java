package org.notebookscheduler.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.web.error.ProblemResponses;
import org.notebookscheduler.domain.shared.ErrorCode;

/** The README's table of codes is what the API answers: every code, under the status it comes with. */
class ErrorCodesDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\|(.*)\\|$");
    private static final Pattern CODE = Pattern.compile("`([A-Z_]+)`");

    @Test
    void every_error_code_is_in_the_readme_under_its_status() throws Exception {
        Map<String, Integer> documented = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("../../README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Matcher code = CODE.matcher(row.group(2));
                while (code.find()) {
                    documented.put(code.group(1), Integer.parseInt(row.group(1)));
                }
            }
        }

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(documented).as("README's table of codes").containsEntry(code.code(),
                    ProblemResponses.statusOf(code).value());
        }
    }
}
