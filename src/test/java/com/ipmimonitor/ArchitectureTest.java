package com.ipmimonitor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled main classes (tests excluded): features are
 * the first package level under com.ipmimonitor, and these rules pass outright (nothing is frozen).
 */
class ArchitectureTest {

    // plain JUnit tests calling check(): surefire did not run the ArchUnit engine's @ArchTest fields (0 tests)
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.ipmimonitor");

    private static final Pattern SLICE = Pattern.compile("com\\.ipmimonitor\\.([a-z]+)(\\.([a-z]+))?.*");

    /** Shared kernel: packages every feature may use, which use no feature themselves. */
    static final Set<String> KERNEL = Set.of("ipmi", "sql", "concurrent");

    static final ArchRule NO_CYCLES_BETWEEN_FEATURES = slices().matching("com.ipmimonitor.(*)..")
            .namingSlices("$1").should().beFreeOfCycles();

    static final ArchRule NO_FEATURE_USES_THE_CONTROL_OF_ANOTHER = noClasses()
            .that().resideInAPackage("com.ipmimonitor..")
            .should(dependOnAnotherSlicesLayer("control"))
            .because("a feature may use another's boundary and entity, never its control");

    static final ArchRule THE_KERNEL_USES_NO_FEATURE = noClasses()
            .that().resideInAnyPackage(KERNEL.stream().map(p -> "com.ipmimonitor." + p + "..").toArray(String[]::new))
            .should(dependOnAnotherSlice(Set.of()))
            .because("ipmi, sql and concurrent sit below every feature");

    static final ArchRule REST_USES_ONLY_THE_DATABASE_OUTAGE = noClasses()
            .that().resideInAPackage("com.ipmimonitor.rest..")
            .should(dependOnAnotherSlice(Set.of("database")))
            .because("the JAX-RS plumbing maps errors for every feature and must not depend on one");

    static final ArchRule IPMI_IS_PLAIN_JAVA_WITHOUT_IO = noClasses()
            .that().resideInAPackage("com.ipmimonitor.ipmi..")
            .should().dependOnClassesThat(resideInAnyPackage("jakarta..", "javax..", "org.eclipse..", "org.postgresql..",
                    "java.nio.file..", "java.net..", "java.sql..", "java.util.concurrent..", "java.util.logging..")
                    .or(resideInAPackage("java.io").and(not(belongToAnyOf(ByteArrayInputStream.class,
                            ByteArrayOutputStream.class, StringReader.class, StringWriter.class,
                            UncheckedIOException.class, Serializable.class))))
                    .or(belongToAnyOf(java.time.Clock.class, java.time.InstantSource.class, ProcessBuilder.class,
                            Process.class, Runtime.class, Thread.class)))
            .because("ipmi holds pure functions of ipmitool output and IPMI codes: no container, no I/O");

    static final ArchRule IPMI_READS_NO_CLOCK_AND_NO_ENVIRONMENT = noClasses()
            .that().resideInAPackage("com.ipmimonitor.ipmi..")
            .should().accessTargetWhere(clockOrEnvironment())
            .because("the caller passes the time a reading was taken; a parser that read the clock could not be tested");

    static final ArchRule ONLY_WEB_USES_WEB = noClasses()
            .that().resideOutsideOfPackage("com.ipmimonitor.web..")
            .should().dependOnClassesThat().resideInAPackage("com.ipmimonitor.web..")
            .because("web holds the JSF pages' backing beans, the top of the picture");

    @Test
    void no_cycles_between_features() {
        NO_CYCLES_BETWEEN_FEATURES.check(MAIN);
    }

    @Test
    void no_feature_uses_the_control_of_another() {
        NO_FEATURE_USES_THE_CONTROL_OF_ANOTHER.check(MAIN);
    }

    @Test
    void the_kernel_uses_no_feature() {
        THE_KERNEL_USES_NO_FEATURE.check(MAIN);
    }

    @Test
    void rest_uses_only_the_database_outage() {
        REST_USES_ONLY_THE_DATABASE_OUTAGE.check(MAIN);
    }

    @Test
    void ipmi_is_plain_java_without_io() {
        IPMI_IS_PLAIN_JAVA_WITHOUT_IO.check(MAIN);
    }

    @Test
    void ipmi_reads_no_clock_and_no_environment() {
        IPMI_READS_NO_CLOCK_AND_NO_ENVIRONMENT.check(MAIN);
    }

    @Test
    void only_web_uses_web() {
        ONLY_WEB_USES_WEB.check(MAIN);
    }

    /** System.currentTimeMillis/nanoTime/getenv/getProperty, System.out/err and every java.time ...now(). */
    private static DescribedPredicate<JavaAccess<?>> clockOrEnvironment() {
        return DescribedPredicate.describe("the clock, the environment or the console", access -> {
            AccessTarget target = access.getTarget();
            String owner = target.getOwner().getName();
            String name = target.getName();
            return owner.equals(System.class.getName())
                    && Set.of("currentTimeMillis", "nanoTime", "getenv", "getProperty", "out", "err").contains(name)
                    || owner.startsWith("java.time.") && name.equals("now");
        });
    }

    private static ArchCondition<JavaClass> dependOnAnotherSlicesLayer(String layer) {
        return new ArchCondition<>("depend on the " + layer + " of another feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = sliceOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Matcher target = SLICE.matcher(d.getTargetClass().getPackageName());
                    if (target.matches() && !target.group(1).equals(own) && layer.equals(target.group(3))) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnAnotherSlice(Set<String> allowed) {
        return new ArchCondition<>("depend on a feature" + (allowed.isEmpty() ? "" : " other than " + allowed)) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = sliceOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = sliceOf(d.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own) && !KERNEL.contains(target) && !allowed.contains(target)) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static String sliceOf(String packageName) {
        Matcher m = SLICE.matcher(packageName);
        return m.matches() ? m.group(1) : null;
    }
}
