package dev.orderflow.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * No import cycle between the packages of one module: every package, the module's root package
 * included, is a slice, and the dependencies between slices must form a DAG. A cycle means two
 * packages can only be understood (and changed) together; see docs/ARCHITECTURE.md, "The parts and
 * the arrows allowed between them". Each module's {@code NoPackageCyclesTest} calls {@link
 * #check(String)} with its root package.
 */
public final class NoPackageCycles {

    private NoPackageCycles() {}

    /** Fails with the cycles found among the main classes under {@code rootPackage}. */
    public static void check(String rootPackage) {
        JavaClasses main =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(rootPackage);
        // Slicing by the parent makes the root package a slice of its own, beside its
        // sub-packages; classes outside rootPackage were not imported, so they form no slice.
        String parent = rootPackage.substring(0, rootPackage.lastIndexOf('.'));
        slices().matching(parent + ".(**)")
                .should()
                .beFreeOfCycles()
                .because("packages of one module depend on each other in one direction")
                .check(main);
    }
}
