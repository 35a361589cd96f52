package org.notebookscheduler.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an IDE shows for notebook.scheduler.*: a readable description for each property, the choices of each enum. */
class ConfigurationMetadataTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void every_property_of_the_module_has_a_description_without_javadoc_markup() throws Exception {
        List<String> undescribed = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        for (JsonNode property : metadata().path("properties")) {
            String name = property.path("name").asString();
            if (!name.startsWith("notebook.scheduler.")) {
                continue;
            }
            String description = property.path("description").asString("");
            if (description.isBlank()) {
                undescribed.add(name);
            }
            if (description.contains("{@")) {
                marked.add(name);
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(marked).isEmpty();
    }

    @Test
    void the_engine_name_and_every_enum_offer_their_values() throws Exception {
        List<String> hinted = new ArrayList<>();
        metadata().path("hints").forEach(hint -> hinted.add(hint.path("name").asString()));

        assertThat(hinted).contains("notebook.scheduler.scheduler-name", "notebook.scheduler.warning-type",
                "notebook.scheduler.failure-strategy", "notebook.scheduler.instance-priority",
                "notebook.scheduler.notification.level", "notebook.scheduler.notification.webhook-kind",
                "notebook.scheduler.runner.kind", "notebook.scheduler.runner.http.dialect");
    }
}
