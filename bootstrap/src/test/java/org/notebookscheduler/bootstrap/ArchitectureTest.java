package org.notebookscheduler.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inwards: adapters to application to domain; bootstrap wires them together. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the application's fakes and contract tests arrive as a test-jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.notebookscheduler");

    @Test
    void the_domain_is_plain_java_and_uses_only_its_cron_library() {
        classes().that().resideInAPackage("org.notebookscheduler.domain..")
                .should().onlyDependOnClassesThat()
                // javax.crypto is the JDK's own: the callback credential is an HMAC
                .resideInAnyPackage("java..", "javax.crypto..", "org.notebookscheduler.domain..", "com.cronutils..")
                .check(PRODUCTION);
    }

    @Test
    void the_application_depends_on_the_domain_only() {
        classes().that().resideInAPackage("org.notebookscheduler.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.notebookscheduler.application..", "org.notebookscheduler.domain..")
                .check(PRODUCTION);
    }

    @Test
    void nothing_but_bootstrap_depends_on_bootstrap() {
        noClasses().that().resideOutsideOfPackage("org.notebookscheduler.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("org.notebookscheduler.bootstrap..")
                .check(PRODUCTION);
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        slices().matching("org.notebookscheduler.adapters.(*)..")
                .should().notDependOnEachOther()
                .check(PRODUCTION);
    }

    /** Rules pass vacuously on an empty package (a rename would do it): each layer must be there. */
    @Test
    void every_layer_the_rules_speak_of_has_classes() {
        for (String layer : java.util.List.of("domain", "application.service", "application.port.out",
                "adapters.dolphinscheduler", "adapters.embedded", "adapters.persistence", "adapters.runner", "adapters.web",
                "adapters.webhook",
                "bootstrap")) {
            org.assertj.core.api.Assertions.assertThat(PRODUCTION.stream()
                    .filter(type -> type.getPackageName().startsWith("org.notebookscheduler." + layer)).count())
                    .as(layer).isGreaterThan(3);
        }
    }

    /** An engine is an adapter: the core names none of them, and reaches each through its role ports. */
    @Test
    void the_domain_and_the_application_name_no_engine() {
        noClasses().that().resideInAnyPackage("org.notebookscheduler.domain..", "org.notebookscheduler.application..")
                .should().haveSimpleNameContaining("Dolphin")
                .orShould().haveSimpleNameContaining("Quartz")
                .check(PRODUCTION);
    }

    @Test
    void the_domain_and_the_application_know_nothing_of_the_adapters() {
        noClasses().that().resideInAnyPackage("org.notebookscheduler.domain..", "org.notebookscheduler.application..")
                .should().dependOnClassesThat().resideInAPackage("org.notebookscheduler.adapters..")
                .check(PRODUCTION);
    }
}
