package io.astrocloud.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * astropy's {@code fits.open(url, use_fsspec=True)} over HTTP, in a child Python process that
 * stays up for the whole run (astropy's import is not timed, as in an interactive session). Its
 * requests and bytes are counted by the server, its time around each exchange, like the others.
 */
final class AstropyFsspec extends HttpMethod {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final PrintWriter toPython;
    private final BufferedReader fromPython;
    private final String versions;

    AstropyFsspec(RangeHttpServer server, String python, Path scratch) throws IOException {
        super(server);
        Path script = PythonTools.script("astropy_headers.py", scratch);
        process = new ProcessBuilder(python, script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toPython = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        fromPython = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        JsonNode ready = answer();
        versions = "astropy " + ready.path("astropy").asText() + ", fsspec " + ready.path("fsspec").asText();
    }

    @Override
    public String name() {
        return MethodNames.ASTROPY;
    }

    @Override
    public boolean slow() {
        return true;
    }

    /** The versions the child process reported. */
    String versions() {
        return versions;
    }

    @Override
    Walked walk(String url, BenchFile file) throws IOException {
        toPython.println(url);
        JsonNode answer = answer();
        if (answer.has("error")) {
            throw new IOException("astropy: " + answer.get("error").asText());
        }
        return new Walked(answer.get("hdus").asInt(), -1);
    }

    private JsonNode answer() throws IOException {
        String line = fromPython.readLine();
        if (line == null) {
            throw new IOException("the astropy process ended");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws InterruptedException {
        toPython.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
