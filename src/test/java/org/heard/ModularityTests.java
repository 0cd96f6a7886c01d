package org.heard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules talk only through their public API and events; their picture goes to docs/modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Heard.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        sortRelations(Path.of("docs/modules"));

        assertThat(Path.of("docs/modules/components.puml")).content().contains("Conversations", "Channels", "Identity");
    }

    /**
     * The documenter lists relations in no fixed order; sorted, the pictures change only when the
     * modules do, and branches stop conflicting over them.
     */
    private static void sortRelations(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                var lines = Files.readAllLines(file);
                var relations = lines.stream()
                        .filter(l -> l.startsWith("Rel("))
                        .sorted()
                        .iterator();
                var sorted = lines.stream()
                        .map(l -> l.startsWith("Rel(") ? relations.next() : l)
                        .toList();
                Files.write(file, sorted);
            }
        }
    }
}
