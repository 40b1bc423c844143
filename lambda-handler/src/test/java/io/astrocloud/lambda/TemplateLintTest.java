package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.index.CfnTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml as AWS's own linter sees it: cfn-lint (which applies the SAM transform itself, so the
 * functions, roles, permissions and aliases SAM generates are linted too) reports no error and no
 * warning, and the expanded CloudFormation is clean on its own as well. A check may be switched off
 * only in the template, next to a comment that says why.
 */
class TemplateLintTest {
    @Test
    void cfnLintFindsNoErrorOrWarning() throws Exception {
        JsonNode findings = TemplateTools.cfnLint(CfnTemplate.repositoryRoot().resolve("template.yaml"));
        assertThat(blocking(findings)).as("cfn-lint errors and warnings in template.yaml").isEmpty();
    }

    @Test
    void theExpandedCloudFormationIsCleanToo(@TempDir Path dir) throws Exception {
        Path expanded = dir.resolve("expanded.template.json");
        Files.writeString(expanded, TemplateTools.expandedTemplate().toPrettyString());
        JsonNode findings = TemplateTools.cfnLint(expanded);
        assertThat(blocking(findings)).as("cfn-lint errors and warnings in the expanded template").isEmpty();
    }

    @Test
    void lintRulesAreIgnoredOnlyWithAReasonNextToThem() throws IOException {
        List<String> lines = Files.readAllLines(CfnTemplate.repositoryRoot().resolve("template.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("ignore_checks")) {
                assertThat(i > 0 && lines.get(i - 1).strip().startsWith("#"))
                        .as("line %d switches cfn-lint checks off without a comment above it saying why", i + 1)
                        .isTrue();
            }
        }
    }

    @Test
    void aDeprecatedRuntimeIsReported(@TempDir Path dir) throws Exception {
        // The check can fail: the template as it was before the runtime moved on.
        Path old = dir.resolve("template.yaml");
        Files.writeString(old, Files.readString(CfnTemplate.repositoryRoot().resolve("template.yaml"))
                .replace("Runtime: java25", "Runtime: java17"));
        assertThat(blocking(TemplateTools.cfnLint(old))).anySatisfy(f -> assertThat(f).contains("E2533"));
    }

    /** Errors and warnings, one line each (informational findings do not block). */
    private static List<String> blocking(JsonNode findings) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings) {
            String level = f.path("Level").asText();
            if (level.equals("Error") || level.equals("Warning")) {
                out.add(f.path("Rule").path("Id").asText() + " " + f.path("Message").asText() + " (line "
                        + f.path("Location").path("Start").path("LineNumber").asText() + ")");
            }
        }
        return out;
    }
}
