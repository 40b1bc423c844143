package io.astrocloud.samples.indexing;

import io.astrocloud.samples.RouteDsl;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.main.Main;

/**
 * Runs the upload-and-index route, in the Java DSL ({@link UploadAndIndexRoute}) or the YAML DSL
 * ({@value #YAML_ROUTE}), with camel-main, until it has handled a given number of files.
 */
public final class UploadRoutes {
    /** The YAML route, on the class path. */
    public static final String YAML_ROUTE = "classpath:routes/upload-and-index.yaml";

    private UploadRoutes() {
    }

    /**
     * Watches {@code inbox} and uploads and indexes what arrives in {@code bucket}, through
     * {@code sample}, until {@code files} files are handled or {@code timeout} passes.
     */
    public static void run(RouteDsl dsl, Path inbox, String bucket, IndexOnUpload sample, int files, Duration timeout)
            throws Exception {
        Main main = new Main();
        if (dsl == RouteDsl.JAVA) {
            main.configure().addRoutesBuilder(new UploadAndIndexRoute());
        } else {
            main.configure().withRoutesIncludePattern(YAML_ROUTE);
        }
        main.addInitialProperty("upload.inbox", inbox.toString());
        main.addInitialProperty("upload.bucket", bucket);
        main.bind(UploadAndIndexRoute.BEAN, sample);
        main.configure().withDurationMaxMessages(files).withDurationMaxSeconds((int) timeout.toSeconds());
        main.run();
    }
}
