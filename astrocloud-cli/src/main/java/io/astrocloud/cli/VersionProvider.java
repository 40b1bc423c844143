package io.astrocloud.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven built, from a resource it filtered ({@code astrocloud-version.properties}). */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/io/astrocloud/cli/astrocloud-version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + RESOURCE + " (built without Maven's resource filtering?)");
            }
            p.load(in);
        }
        return new String[] {"astrocloud " + p.getProperty("version"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
