package io.tagbase.privacy;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@link PersonalData} property into JSON: in clear for callers who may see personal data,
 * masked by the property's name otherwise. A list of records with a {@code kind} and a {@code
 * value} (identities) has each value masked by its kind.
 */
public class PersonalDataSerializer extends StdSerializer<Object> {

  public PersonalDataSerializer() {
    super(Object.class);
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext provider) {
    if (PersonalDataMasking.callerSeesPersonalData()) {
      provider.writeValue(gen, value);
      return;
    }
    String property = gen.streamWriteContext().currentName();
    if (value instanceof CharSequence text) {
      gen.writeString(Masks.mask(property, text.toString()));
    } else if (value instanceof Collection<?> items) {
      gen.writeStartArray();
      for (Object item : items) {
        writeMasked(item, property, gen, provider);
      }
      gen.writeEndArray();
    } else {
      writeMasked(value, property, gen, provider);
    }
  }

  private static void writeMasked(
      Object item, String property, JsonGenerator gen, SerializationContext provider) {
    if (item == null) {
      gen.writeNull();
    } else if (item instanceof Record record) {
      String kind = property;
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        if (c.getName().equals("kind")) {
          kind = String.valueOf(read(c, record));
        }
      }
      gen.writeStartObject();
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        Object v = read(c, record);
        gen.writeName(c.getName());
        if (c.getName().equals("value") && v != null) {
          gen.writeString(Masks.mask(kind, v.toString()));
        } else {
          provider.writeValue(gen, v);
        }
      }
      gen.writeEndObject();
    } else {
      gen.writeString(Masks.mask(property, item.toString()));
    }
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      c.getAccessor().setAccessible(true);
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }
}
