package dev.orderflow.cloud.internal.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class loader of one function: the function's code only, over the JDK's classes (nothing of
 * the local cloud leaks in), with {@code System.getenv} rewritten to the function's own {@code
 * FunctionEnv}. Given a shared loader, the classes of the libraries in {@link #SHARED} come from
 * it.
 *
 * <p>Its parent is the application class loader, but only for the JDK's own packages: a few JDK
 * modules (e.g. {@code jdk.random}, whose algorithms {@code RandomGenerator.getDefault()} finds as
 * services) are defined to that loader, and a service lookup from the function sees them only
 * through its parent, as it does in Lambda, where the handler's loader sits over the application
 * loader. Every other class and every resource comes from the function's jar or the platform, never
 * from the local cloud's class path.
 */
final class FunctionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String SHIM_NAME = GetenvRewriter.SHIM.replace('/', '.');

    /**
     * The packages whose classes are loaded (and JIT-compiled) once for all functions of one code
     * jar: the AWS SDK and Jackson. They hold no per-function state, and the environment the SDK
     * reads (region, credentials, endpoints) is the one Lambda gives every function. Loading them
     * per function made the JIT compile both once per function, the largest CPU cost of a warming
     * local stack. Libraries configured per function (log4j, Powertools, OpenTelemetry) stay per
     * function.
     */
    static final List<String> SHARED = List.of("software.amazon.awssdk.", "com.fasterxml.jackson.");

    private final ClassLoader shared;

    private final URL codeUrl;

    /**
     * Classes are read from this loader's own handle on the jar: a {@code jar:} URL stream would go
     * through the JDK's shared jar cache, which another loader's close can close under us.
     */
    private final JarFile jar;

    /**
     * @param shared the loader of the shared libraries, or null to load them from {@code code} too
     */
    FunctionClassLoader(String name, Path code, ClassLoader shared) throws IOException {
        super(name, new URL[] {code.toUri().toURL()}, ClassLoader.getSystemClassLoader());
        this.codeUrl = code.toUri().toURL();
        this.jar = new JarFile(code.toFile());
        this.shared = shared;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared != null && isShared(name)) {
            return shared.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = JdkPackages.owns(name) ? getParent().loadClass(name) : findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** The JDK's resource, else the function's: never one of the local cloud's class path. */
    @Override
    public URL getResource(String name) {
        URL jdk = platform().getResource(name);
        return jdk != null ? jdk : findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = Collections.list(platform().getResources(name));
        all.addAll(Collections.list(findResources(name)));
        return Collections.enumeration(all);
    }

    private static boolean isShared(String name) {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            jar.close();
        }
    }

    private static ClassLoader platform() {
        return ClassLoader.getPlatformClassLoader();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.equals(SHIM_NAME)) {
            return define(name, hostBytes(name));
        }
        JarEntry entry = jar.getJarEntry(name.replace('.', '/') + ".class");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        return define(name, GetenvRewriter.rewrite(bytes));
    }

    private Class<?> define(String name, byte[] bytes) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // another thread defined it first
                }
            }
        }
        return defineClass(
                name, bytes, 0, bytes.length, new CodeSource(codeUrl, (Certificate[]) null));
    }

    private static byte[] hostBytes(String name) {
        String path = name.replace('.', '/') + ".class";
        try (InputStream in =
                FunctionClassLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
