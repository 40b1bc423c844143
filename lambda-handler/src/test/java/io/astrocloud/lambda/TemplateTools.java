package io.astrocloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.index.CfnTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The template's independent checkers, run as their own processes: {@code cfn-lint} (AWS's linter for
 * CloudFormation, which expands SAM itself) and aws-sam-translator (the library behind {@code sam deploy}
 * and CloudFormation's {@code AWS::Serverless} transform) through {@code sam-expand.py}. Both live in
 * the Python on PATH; a machine without them fails here, saying what is missing.
 */
final class TemplateTools {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateTools() {
    }

    /** What a tool printed and how it ended. */
    record Run(int exit, String out, String err) {
    }

    /** cfn-lint's findings on {@code template}, as its JSON output lists them. */
    static JsonNode cfnLint(Path template) throws IOException, InterruptedException {
        Run r = run("cfn-lint", "--format", "json", template.toString());
        // Exit codes are a bit mask (2 errors, 4 warnings, 8 informational); the JSON says which.
        if (r.out().isBlank()) {
            throw new AssertionError("cfn-lint printed nothing (exit " + r.exit() + "): " + r.err());
        }
        return JSON.readTree(r.out());
    }

    /** The template as CloudFormation deploys it, after the SAM transform. */
    static JsonNode expandedTemplate() throws IOException, InterruptedException {
        Path script = CfnTemplate.repositoryRoot().resolve("lambda-handler/src/test/resources/sam-expand.py");
        Run r = run("python3", script.toString(), CfnTemplate.repositoryRoot().resolve("template.yaml").toString());
        if (r.exit() != 0) {
            throw new AssertionError("aws-sam-translator could not expand template.yaml (exit " + r.exit() + "):\n"
                    + r.err() + r.out());
        }
        return JSON.readTree(r.out());
    }

    static Run run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed or not on PATH (" + e.getMessage() + "): the "
                    + "template checks need cfn-lint and aws-sam-translator in the python3 on PATH", e);
        }
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 180 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    /** Every node under {@code root} (itself included) that is an IAM policy statement. */
    static List<JsonNode> policyStatements(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isObject() && n.has("Effect") && (n.has("Action") || n.has("NotAction"))) {
            out.add(n);
        }
        n.elements().forEachRemaining(c -> collect(c, out));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
