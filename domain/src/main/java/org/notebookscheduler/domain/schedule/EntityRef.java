package org.notebookscheduler.domain.schedule;

import org.notebookscheduler.domain.shared.Check;

/**
 * A notebook or workflow of the host. Identity is the type and the id; the name is for people and
 * may change, so {@link #sameEntityAs} ignores it.
 */
public record EntityRef(EntityType type, String id, String name) {

    public EntityRef {
        Check.required(type, "entity.type");
        id = Check.text(id, "entity.id", 128);
        name = Check.text(name, "entity.name", 255);
    }

    public boolean sameEntityAs(EntityRef other) {
        return type == other.type && id.equals(other.id);
    }

    public boolean is(EntityType otherType, String otherId) {
        return type == otherType && id.equals(otherId);
    }

    public String key() {
        return type.wireName() + ":" + id;
    }
}
