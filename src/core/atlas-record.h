/* atlas-record.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_RECORD (atlas_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasRecord, atlas_record, ATLAS, RECORD, GObject)

typedef enum {
  ATLAS_FIELD_TEXT,
  ATLAS_FIELD_DOUBLE,
  ATLAS_FIELD_INT,
} AtlasFieldType;

/* One column of a record's table, stored at @offset in the instance struct. */
typedef struct {
  const char     *name;
  AtlasFieldType  type;
  gsize           offset;
} AtlasField;

struct _AtlasRecordClass
{
  GObjectClass      parent_class;

  /* set by atlas_record_class_set_fields() */
  const char       *table;
  const char       *kind;
  const AtlasField *fields;
  guint             n_fields;

  /* copies what a subclass keeps beyond its fields, for atlas_record_dup() */
  void            (*dup_extra) (AtlasRecord *from,
                                AtlasRecord *to);
};

void         atlas_record_class_set_fields (AtlasRecordClass *klass,
                                            const char       *table,
                                            const char       *kind,
                                            const AtlasField *fields,
                                            guint             n_fields);
void         atlas_record_init_fields      (AtlasRecord      *self);
const AtlasField *atlas_record_class_find_field (AtlasRecordClass *klass,
                                                 const char       *name);

const char  *atlas_record_field_get_text   (AtlasRecord      *self,
                                           const AtlasField *field);
double       atlas_record_field_get_double (AtlasRecord      *self,
                                           const AtlasField *field);
gint64       atlas_record_field_get_int    (AtlasRecord      *self,
                                           const AtlasField *field);
void         atlas_record_field_set_text   (AtlasRecord      *self,
                                           const AtlasField *field,
                                           const char       *value);
void         atlas_record_field_set_double (AtlasRecord      *self,
                                           const AtlasField *field,
                                           double            value);
void         atlas_record_field_set_int    (AtlasRecord      *self,
                                           const AtlasField *field,
                                           gint64            value);

gint64       atlas_record_get_id          (AtlasRecord *self);
void         atlas_record_set_id          (AtlasRecord *self,
                                           gint64       id);
const char  *atlas_record_get_key         (AtlasRecord *self);
const char  *atlas_record_get_kind        (AtlasRecord *self);
const char  *atlas_record_get_text        (AtlasRecord *self,
                                           const char  *field);
double       atlas_record_get_double      (AtlasRecord *self,
                                           const char  *field);
gint64       atlas_record_get_int         (AtlasRecord *self,
                                           const char  *field);
void         atlas_record_set_text        (AtlasRecord *self,
                                           const char  *field,
                                           const char  *value);
void         atlas_record_set_double      (AtlasRecord *self,
                                           const char  *field,
                                           double       value);
void         atlas_record_set_int         (AtlasRecord *self,
                                           const char  *field,
                                           gint64       value);

AtlasRecord *atlas_record_dup             (AtlasRecord      *self);
gboolean     atlas_record_field_equal     (AtlasRecord      *a,
                                           AtlasRecord      *b,
                                           const AtlasField *field);
char        *atlas_record_field_to_string (AtlasRecord      *self,
                                           const AtlasField *field);

/* Typed accessors for one field of a record class, so that a misspelt field is a compile
 * error: declare them in the class's header, define them in its source, where the instance
 * struct has a member of the field's name. */
#define ATLAS_RECORD_DECLARE_TEXT(Type, prefix, field) \
  const char *prefix##_get_##field (Type *self); \
  void        prefix##_set_##field (Type *self, const char *value);
#define ATLAS_RECORD_DECLARE_DOUBLE(Type, prefix, field) \
  double      prefix##_get_##field (Type *self); \
  void        prefix##_set_##field (Type *self, double value);
#define ATLAS_RECORD_DECLARE_INT(Type, prefix, field) \
  gint64      prefix##_get_##field (Type *self); \
  void        prefix##_set_##field (Type *self, gint64 value);

#define ATLAS_RECORD_DEFINE_TEXT(Type, prefix, field) \
  const char *prefix##_get_##field (Type *self) { return self->field; } \
  void prefix##_set_##field (Type *self, const char *value) \
  { \
    char *copy = g_strdup (value); \
    g_free (self->field); \
    self->field = copy; \
  }
#define ATLAS_RECORD_DEFINE_DOUBLE(Type, prefix, field) \
  double prefix##_get_##field (Type *self) { return self->field; } \
  void prefix##_set_##field (Type *self, double value) { self->field = value; }
#define ATLAS_RECORD_DEFINE_INT(Type, prefix, field) \
  gint64 prefix##_get_##field (Type *self) { return self->field; } \
  void prefix##_set_##field (Type *self, gint64 value) { self->field = value; }

G_END_DECLS
