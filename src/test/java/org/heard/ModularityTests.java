package org.heard;

import static org.assertj.core.api.Assertions.assertThat;

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
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();

        assertThat(Path.of("docs/modules/components.puml")).content().contains("Conversations", "Channels", "Identity");
    }
}
