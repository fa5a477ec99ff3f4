package dev.orderflow.cloud.internal.lambda;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Redirects {@code System.getenv} calls in function bytecode to the per-environment {@code
 * FunctionEnv} shim, and reads of {@code System.out} / {@code System.err} to its {@code out()} /
 * {@code err()} ({@link FunctionOutput}). Same descriptors and the same stack effect, so stack maps
 * stay valid and nothing is recomputed.
 */
final class GetenvRewriter {

    static final String SHIM = "dev/orderflow/cloud/internal/lambda/shim/FunctionEnv";
    private static final byte[] MARKER = "getenv".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM_MARKER =
            "Ljava/io/PrintStream;".getBytes(StandardCharsets.US_ASCII);

    private GetenvRewriter() {}

    static byte[] rewrite(byte[] classFile) {
        if (!contains(classFile, MARKER) && !contains(classFile, STREAM_MARKER)) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access,
                            String name,
                            String descriptor,
                            String signature,
                            String[] exceptions) {
                        MethodVisitor mv =
                                super.visitMethod(access, name, descriptor, signature, exceptions);
                        return new MethodVisitor(Opcodes.ASM9, mv) {
                            @Override
                            public void visitFieldInsn(
                                    int opcode, String owner, String field, String desc) {
                                if (opcode == Opcodes.GETSTATIC
                                        && owner.equals("java/lang/System")
                                        && (field.equals("out") || field.equals("err"))) {
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC,
                                            SHIM,
                                            field,
                                            "()Ljava/io/PrintStream;",
                                            false);
                                } else {
                                    super.visitFieldInsn(opcode, owner, field, desc);
                                }
                            }

                            @Override
                            public void visitMethodInsn(
                                    int opcode,
                                    String owner,
                                    String method,
                                    String desc,
                                    boolean isInterface) {
                                if (opcode == Opcodes.INVOKESTATIC
                                        && owner.equals("java/lang/System")
                                        && method.equals("getenv")) {
                                    super.visitMethodInsn(opcode, SHIM, method, desc, false);
                                } else {
                                    super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                                }
                            }
                        };
                    }
                },
                0);
        return writer.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
