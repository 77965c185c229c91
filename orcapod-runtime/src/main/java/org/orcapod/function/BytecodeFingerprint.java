package org.orcapod.function;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Fingerprints of function bodies: SHA-256 of a method's {@code Code} attribute read from its
 * declaring class file (found through the class loader's resource), or of a whole class file.
 *
 * <p>The code bytes reference the class's constant pool by index, so an edit elsewhere in the class
 * that renumbers the pool can change a method's fingerprint too. That errs on the safe side: a
 * changed body is never missed, at worst an unchanged one is reported as changed.
 */
public final class BytecodeFingerprint {
  /** The fingerprint written when no class file can be read (e.g. generated or hidden classes). */
  public static final String UNKNOWN = "unknown";

  private BytecodeFingerprint() {}

  /** {@code sha256:<hex>} of {@code method}'s bytecode, or {@link #UNKNOWN}. */
  public static String ofMethod(Method method) {
    byte[] classFile = classFile(method.getDeclaringClass());
    if (classFile == null) {
      return UNKNOWN;
    }
    try {
      byte[] code = methodCode(classFile, method.getName(), descriptor(method));
      return code == null ? UNKNOWN : sha256(code);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /** {@code sha256:<hex>} of the whole class file of {@code type}, or {@link #UNKNOWN}. */
  public static String ofClass(Class<?> type) {
    byte[] classFile = classFile(type);
    return classFile == null ? UNKNOWN : sha256(classFile);
  }

  /**
   * The fingerprint of a lambda or other function object: the class file of the class that declared
   * the lambda (the hidden lambda class itself has no class file), or of the object's own class
   * when it is an ordinary class.
   */
  public static String ofFunctionObject(Object function) {
    Class<?> c = function.getClass();
    String name = c.getName();
    int lambda = name.indexOf("$$Lambda");
    if (lambda > 0) {
      try {
        Class<?> declaring = Class.forName(name.substring(0, lambda), false, c.getClassLoader());
        return ofClass(declaring);
      } catch (ClassNotFoundException | LinkageError e) {
        return UNKNOWN;
      }
    }
    return ofClass(c);
  }

  private static byte @Nullable [] classFile(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader();
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** The JVM descriptor of a method, e.g. {@code (JLjava/lang/String;)D}. */
  static String descriptor(Method m) {
    StringBuilder b = new StringBuilder("(");
    for (Class<?> p : m.getParameterTypes()) {
      b.append(typeDescriptor(p));
    }
    return b.append(')').append(typeDescriptor(m.getReturnType())).toString();
  }

  private static String typeDescriptor(Class<?> c) {
    if (c.isArray()) {
      return c.getName().replace('.', '/');
    }
    if (c.isPrimitive()) {
      return switch (c.getName()) {
        case "int" -> "I";
        case "long" -> "J";
        case "double" -> "D";
        case "float" -> "F";
        case "boolean" -> "Z";
        case "byte" -> "B";
        case "char" -> "C";
        case "short" -> "S";
        default -> "V";
      };
    }
    return "L" + c.getName().replace('.', '/') + ";";
  }

  /** The bytes of the {@code Code} attribute of method {@code name}{@code descriptor}, or null. */
  static byte @Nullable [] methodCode(byte[] classFile, String name, String descriptor)
      throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      return null;
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    in.skipNBytes(6); // access flags, this class, super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int f = 0; f < fields; f++) {
      in.skipNBytes(6);
      skipAttributes(in);
    }
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.skipNBytes(2);
      String mName = utf8[in.readUnsignedShort()];
      String mDesc = utf8[in.readUnsignedShort()];
      int attributes = in.readUnsignedShort();
      boolean match = name.equals(mName) && descriptor.equals(mDesc);
      for (int a = 0; a < attributes; a++) {
        String aName = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (match && "Code".equals(aName)) {
          return in.readNBytes(length);
        }
        in.skipNBytes(length);
      }
      if (match) {
        return new byte[0]; // abstract or native: no body
      }
    }
    return null;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt() & 0xffffffffL);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
