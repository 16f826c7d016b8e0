package io.tagbase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Package rules from DESIGN.md and STYLE.md, checked on every build. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tagbase");
  }

  @Test
  void featuresHaveNoDependencyCycles() {
    slices().matching("io.tagbase.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void engineDependsOnNeitherSpringNorJdbcNorTheServer() {
    noClasses()
        .that()
        .resideInAPackage("io.tagbase.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "jakarta..",
            "io.tagbase.customer..",
            "io.tagbase.tagging..",
            "io.tagbase.segment..",
            "io.tagbase.web..")
        .check(classes);
  }

  @Test
  void webLayerDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.tagbase.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.tagbase.customer..",
            "io.tagbase.taxonomy..",
            "io.tagbase.tagging..",
            "io.tagbase.segment..",
            "io.tagbase.security..",
            "io.tagbase.demo..",
            "io.tagbase.analytics..")
        .check(classes);
  }

  @Test
  void controllersAndRepositoriesArePackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .or()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(Repository.class)
        .should()
        .notBePublic()
        .check(classes);
  }

  @Test
  void onlyStorageAndRepositoriesTouchJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tagbase.storage..")
        .and()
        .areNotAnnotatedWith(Repository.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
        .check(classes);
  }
}
