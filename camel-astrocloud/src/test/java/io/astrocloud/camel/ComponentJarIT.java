package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.settings.Defaults;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

/**
 * What the build generated from the annotations, read from the packaged jar as a user's Camel
 * reads it (an integration test: Failsafe runs it after {@code package}, with the jar on the class
 * path instead of the classes): the component JSON lists every option and header with a
 * description, the service files name classes that were compiled into the jar, and the component
 * docs list the same options and headers.
 */
class ComponentJarIT {
    private static final String JSON = "META-INF/io/astrocloud/camel/astrocloud.json";

    @Test
    void theComponentJsonListsEveryDeclaredOptionAndHeaderWithADescription() throws Exception {
        JsonNode json = builtJson();

        Set<String> configurationOptions = uriParams(AstroCloudConfiguration.class);
        Set<String> endpointOptions = uriParams(AstroCloudEndpoint.class);
        endpointOptions.remove("configuration");
        assertThat(configurationOptions).contains("url", "anonymous", "requesterPays", "region", "endpointOverride",
                "pathStyle", "readAhead", "maxHeaderSize", "gzip", "concurrency", "s3Client", "settings");
        assertThat(names(json.get("componentProperties"))).containsAll(configurationOptions);
        assertThat(names(json.get("properties"))).containsAll(configurationOptions).containsAll(endpointOptions)
                .contains("operation");
        assertThat(names(json.get("headers"))).containsExactlyInAnyOrderElementsOf(headerNames());
        for (String section : new String[] {"componentProperties", "properties", "headers"}) {
            json.get(section).fields().forEachRemaining(e -> assertThat(e.getValue().path("description").asText())
                    .as(section + "." + e.getKey() + " description").isNotBlank());
        }
        assertThat(json.get("component").get("description").asText()).contains("one exchange per header");
        assertThat(json.get("componentProperties").get("s3Client").get("autowired").asBoolean()).isTrue();
        assertThat(json.get("properties").get("settings").get("prefix").asText()).isEqualTo("setting.");
    }

    @Test
    void theJsonShowsTheDefaultsTheOptionsHaveAtRunTime() throws Exception {
        JsonNode properties = builtJson().get("properties");
        AstroCloudConfiguration fresh = new AstroCloudConfiguration();
        int checked = 0;
        for (Field f : AstroCloudConfiguration.class.getDeclaredFields()) {
            JsonNode option = properties.get(f.getName());
            if (option == null || !f.isAnnotationPresent(UriParam.class) || f.getType().isAssignableFrom(Map.class)) {
                continue;
            }
            f.setAccessible(true);
            Object runtime = f.get(fresh);
            String runtimeText = runtime == null ? null : String.valueOf(runtime);
            if (!option.has("defaultValue")) {
                // No default in the metadata: none at run time either (null, or a primitive's zero).
                assertThat(runtimeText).as(f.getName()).isIn(null, "0", "false");
            } else {
                assertThat(option.get("defaultValue").asText()).as(f.getName()).isEqualTo(runtimeText);
                checked++;
            }
        }
        assertThat(checked).as("options with a default").isGreaterThanOrEqualTo(6);
        assertThat(properties.get("concurrency").get("defaultValue").asInt()).isEqualTo(Defaults.CONCURRENCY);
    }

    @Test
    void theComponentIsListedInComponentProperties() throws IOException {
        String jar = AstroCloudComponent.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String name = "META-INF/services/org/apache/camel/component.properties";
        URL ours = java.util.Collections.list(AstroCloudComponent.class.getClassLoader().getResources(name)).stream()
                .filter(u -> u.toString().startsWith("jar:" + jar + "!/")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + jar));
        java.util.Properties listed = new java.util.Properties();
        try (InputStream in = ours.openStream()) {
            listed.load(in);
        }
        assertThat(listed).containsEntry("components", "astrocloud").containsEntry("artifactId", "camel-astrocloud")
                .containsEntry("groupId", "io.astrocloud");
    }

    @Test
    void theServiceFilesNameGeneratedClassesThatWereCompiled() throws Exception {
        assertThat(serviceClass("META-INF/services/org/apache/camel/component/astrocloud"))
                .isEqualTo(AstroCloudComponent.class);
        for (String service : new String[] {"META-INF/services/org/apache/camel/configurer/astrocloud-component",
            "META-INF/services/org/apache/camel/configurer/astrocloud-endpoint",
            "META-INF/services/org/apache/camel/urifactory/astrocloud-endpoint"}) {
            assertThat(serviceClass(service)).as(service).isNotNull();
        }
        String loaders = resource("META-INF/services/org/apache/camel/TypeConverterLoader");
        Class<?> loader = Class.forName(loaders.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
                .orElseThrow().strip());
        assertThat(loader.getSimpleName()).isEqualTo("AstroCloudConvertersLoader");
    }

    @Test
    void theComponentDocsListTheSameOptionsAndHeaders() throws IOException {
        JsonNode json = builtJson();
        String adoc = Files.readString(Path.of("src/main/docs/astrocloud-component.adoc"));

        assertThat(tableNames(adoc, "Component options")).isEqualTo(names(json.get("componentProperties")));
        Set<String> endpoint = tableNames(adoc, "Path parameter");
        endpoint.addAll(tableNames(adoc, "Query parameters"));
        assertThat(endpoint).isEqualTo(names(json.get("properties")));
        assertThat(tableNames(adoc, "Message headers")).isEqualTo(names(json.get("headers")));
    }

    private static JsonNode builtJson() throws IOException {
        URL url = AstroCloudComponent.class.getClassLoader().getResource(JSON);
        assertThat(url).as(JSON + " on the class path").isNotNull();
        String jar = AstroCloudComponent.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(jar).as("the component comes from the packaged jar").endsWith(".jar");
        assertThat(url.toString()).as("read from the same jar").startsWith("jar:" + jar + "!/");
        try (InputStream in = url.openStream()) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> uriParams(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (f.isAnnotationPresent(UriParam.class) || f.isAnnotationPresent(UriPath.class)) {
                names.add(f.getName());
            }
        }
        return names;
    }

    private static Set<String> headerNames() throws IllegalAccessException {
        Set<String> names = new LinkedHashSet<>();
        for (Field f : AstroCloudConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.isAnnotationPresent(Metadata.class)) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The names in the first column of the table titled {@code title} in the AsciiDoc. */
    private static Set<String> tableNames(String adoc, String title) {
        int start = adoc.indexOf("\n." + title + "\n");
        assertThat(start).as("table " + title).isNotNegative();
        int open = adoc.indexOf("|===", start);
        int close = adoc.indexOf("|===", open + 4);
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)`").matcher(adoc.substring(open, close));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Class<?> serviceClass(String resource) throws Exception {
        String text = resource(resource);
        Matcher m = Pattern.compile("(?m)^class=(.+)$").matcher(text);
        assertThat(m.find()).as(resource + " names a class").isTrue();
        return Class.forName(m.group(1).strip());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AstroCloudComponent.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
