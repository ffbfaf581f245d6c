package com.ipmimonitor.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.fleet.boundary.ProtocolChanges;
import com.ipmimonitor.fleet.boundary.Servers;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view-scoped bean is serialized with the session (session persistence, replication) and deserialized without
 * injection: a transient injected facade would then be null and the next action would fail. Weld's proxies of
 * session and normal-scoped beans serialize, so the fields stay non-transient (Weld checks at deployment that
 * every such field is passivation capable).
 */
class SettingsBeansSerializationTest {

    private static final List<Class<?>> VIEW_BEANS = List.of(ServerListBacking.class, EditServerBacking.class,
            ImportServersBacking.class, CollectionSettingsBacking.class);

    @Test
    void everySettingsBeanIsViewScopedAndSerializable() {
        VIEW_BEANS.forEach(bean -> {
            assertTrue(bean.isAnnotationPresent(ViewScoped.class), bean.getSimpleName());
            assertTrue(Serializable.class.isAssignableFrom(bean), bean.getSimpleName());
        });
    }

    @Test
    void noInjectedFieldOfAViewScopedBeanIsTransient() {
        for (Class<?> bean : VIEW_BEANS) {
            List<String> transientInjected = Arrays.stream(bean.getDeclaredFields())
                    .filter(f -> f.isAnnotationPresent(Inject.class) && Modifier.isTransient(f.getModifiers()))
                    .map(Field::getName).toList();
            assertEquals(List.of(), transientInjected, bean.getSimpleName() + " would lose these on deserialization");
        }
    }

    /** Stand-ins for Weld's serializable proxies. */
    static class SerializableProtocolChanges extends ProtocolChanges implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static class SerializableServers extends Servers implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aDeserializedBeanStillHasItsFacadesAndItsState() throws Exception {
        EditServerBacking bean = new EditServerBacking();
        bean.protocolChanges = new SerializableProtocolChanges();
        bean.servers = new SerializableServers();
        bean.list = new ServerListBacking();
        bean.getForm().setBmcIp("10.0.0.9");
        bean.getForm().setProtocol("redfish");

        EditServerBacking back = roundTrip(bean);

        assertNotNull(back.protocolChanges);
        assertNotNull(back.servers);
        assertNotNull(back.list);
        assertSame(SerializableProtocolChanges.class, back.protocolChanges.getClass());
        assertEquals("10.0.0.9", back.getForm().getBmcIp());
        assertEquals("redfish", back.getForm().getProtocol());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T bean) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(bean);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
