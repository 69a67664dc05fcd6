/* atlas-record.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of every row a case holds (documents, claims, incidents, routes…). Each subclass
 * describes its columns once, in a table of AtlasField; from that one table come its GObject
 * properties (so views can bind them), its accessors and the store's SQL column lists.
 * Numbers that are not known are NaN, never a made-up zero.
 */

#include "config.h"

#include <math.h>

#include "atlas-record.h"

typedef struct
{
  gint64  id;
  char   *key;
} AtlasRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasRecord, atlas_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD_PTR(self, field) ((guint8 *) (self) + (field)->offset)

static const AtlasField *
field_for_pspec (GParamSpec *pspec)
{
  AtlasRecordClass *klass = g_type_class_peek (pspec->owner_type);

  return &klass->fields[pspec->param_id - 1];
}

static void
field_get_value (AtlasRecord      *self,
                 const AtlasField *field,
                 GValue           *value)
{
  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      g_value_set_string (value, *(char **) FIELD_PTR (self, field));
      break;
    case ATLAS_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) FIELD_PTR (self, field));
      break;
    case ATLAS_FIELD_INT:
      g_value_set_int64 (value, *(gint64 *) FIELD_PTR (self, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
field_set_value (AtlasRecord      *self,
                 const AtlasField *field,
                 const GValue     *value)
{
  char **text;

  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      text = (char **) FIELD_PTR (self, field);
      g_free (*text);
      *text = g_value_dup_string (value);
      break;
    case ATLAS_FIELD_DOUBLE:
      *(double *) FIELD_PTR (self, field) = g_value_get_double (value);
      break;
    case ATLAS_FIELD_INT:
      *(gint64 *) FIELD_PTR (self, field) = g_value_get_int64 (value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Subclass properties dispatch here: their ids index the owning class's field table. */
static void
atlas_record_get_field_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  field_get_value (ATLAS_RECORD (object), field_for_pspec (pspec), value);
}

static void
atlas_record_set_field_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  field_set_value (ATLAS_RECORD (object), field_for_pspec (pspec), value);
}

static void
free_text_fields (AtlasRecord *self,
                  GType        type)
{
  for (; type != ATLAS_TYPE_RECORD; type = g_type_parent (type))
    {
      AtlasRecordClass *klass = g_type_class_peek (type);

      for (guint i = 0; i < klass->n_fields; i++)
        if (klass->fields[i].type == ATLAS_FIELD_TEXT)
          g_clear_pointer ((char **) FIELD_PTR (self, &klass->fields[i]), g_free);
    }
}

static void
atlas_record_finalize (GObject *object)
{
  AtlasRecord *self = ATLAS_RECORD (object);
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);

  free_text_fields (self, G_OBJECT_TYPE (object));
  g_clear_pointer (&priv->key, g_free);

  G_OBJECT_CLASS (atlas_record_parent_class)->finalize (object);
}

static void
atlas_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (ATLAS_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, priv->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (ATLAS_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_get_int64 (value);
      break;
    case PROP_KEY:
      g_free (priv->key);
      priv->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_record_class_init (AtlasRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_record_finalize;
  object_class->get_property = atlas_record_get_property;
  object_class->set_property = atlas_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_record_init (AtlasRecord *self)
{
}

/**
 * atlas_record_init_fields:
 *
 * Sets every number field to NaN (not known). Call from the subclass's instance init: only
 * there does the instance already have the subclass's class and its fields.
 */
void
atlas_record_init_fields (AtlasRecord *self)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == ATLAS_FIELD_DOUBLE)
      *(double *) FIELD_PTR (self, &klass->fields[i]) = NAN;
}

static GParamSpec *
field_pspec (const AtlasField *field)
{
  /* Column names have underscores; GObject makes them canonical, so the name is copied. */
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    case ATLAS_FIELD_DOUBLE:
      return g_param_spec_double (field->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case ATLAS_FIELD_INT:
      return g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * atlas_record_class_set_fields:
 * @table: the store's table for this kind of record
 * @kind: the name of the kind, as claims and briefing steps refer to it
 * @fields: (array length=n_fields): static column descriptions
 *
 * Installs one property per field. Call from the subclass's class_init.
 */
void
atlas_record_class_set_fields (AtlasRecordClass *klass,
                               const char       *table,
                               const char       *kind,
                               const AtlasField *fields,
                               guint             n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->kind = kind;
  klass->fields = fields;
  klass->n_fields = n_fields;
  object_class->get_property = atlas_record_get_field_property;
  object_class->set_property = atlas_record_set_field_property;

  for (guint i = 0; i < n_fields; i++)
    g_object_class_install_property (object_class, i + 1, field_pspec (&fields[i]));
}

const AtlasField *
atlas_record_class_find_field (AtlasRecordClass *klass,
                               const char       *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return &klass->fields[i];
  return NULL;
}

static const AtlasField *
require_field (AtlasRecord    *self,
               const char     *name,
               AtlasFieldType  type)
{
  const AtlasField *field = atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (self), name);

  if (field == NULL || field->type != type)
    {
      g_critical ("%s has no field “%s” of that type", G_OBJECT_TYPE_NAME (self), name);
      return NULL;
    }
  return field;
}

gint64
atlas_record_get_id (AtlasRecord *self)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);
  return priv->id;
}

void
atlas_record_set_id (AtlasRecord *self,
                     gint64       id)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);

  g_return_if_fail (ATLAS_IS_RECORD (self));
  priv->id = id;
}

const char *
atlas_record_get_key (AtlasRecord *self)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);
  return priv->key;
}

/**
 * atlas_record_get_kind:
 *
 * Returns: "incident", "route", "waypoint", "document", "claim", "actor"…
 */
const char *
atlas_record_get_kind (AtlasRecord *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);
  return ATLAS_RECORD_GET_CLASS (self)->kind;
}

const char *
atlas_record_get_text (AtlasRecord *self,
                       const char  *name)
{
  const AtlasField *field;

  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);
  field = require_field (self, name, ATLAS_FIELD_TEXT);
  return field ? *(char **) FIELD_PTR (self, field) : NULL;
}

double
atlas_record_get_double (AtlasRecord *self,
                         const char  *name)
{
  const AtlasField *field;

  g_return_val_if_fail (ATLAS_IS_RECORD (self), NAN);
  field = require_field (self, name, ATLAS_FIELD_DOUBLE);
  return field ? *(double *) FIELD_PTR (self, field) : NAN;
}

gint64
atlas_record_get_int (AtlasRecord *self,
                      const char  *name)
{
  const AtlasField *field;

  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);
  field = require_field (self, name, ATLAS_FIELD_INT);
  return field ? *(gint64 *) FIELD_PTR (self, field) : 0;
}

void
atlas_record_set_text (AtlasRecord *self,
                       const char  *name,
                       const char  *value)
{
  const AtlasField *field;

  g_return_if_fail (ATLAS_IS_RECORD (self));
  if ((field = require_field (self, name, ATLAS_FIELD_TEXT)) != NULL)
    atlas_record_field_set_text (self, field, value);
}

void
atlas_record_set_double (AtlasRecord *self,
                         const char  *name,
                         double       value)
{
  const AtlasField *field;

  g_return_if_fail (ATLAS_IS_RECORD (self));
  if ((field = require_field (self, name, ATLAS_FIELD_DOUBLE)) != NULL)
    *(double *) FIELD_PTR (self, field) = value;
}

void
atlas_record_set_int (AtlasRecord *self,
                      const char  *name,
                      gint64       value)
{
  const AtlasField *field;

  g_return_if_fail (ATLAS_IS_RECORD (self));
  if ((field = require_field (self, name, ATLAS_FIELD_INT)) != NULL)
    *(gint64 *) FIELD_PTR (self, field) = value;
}

/* Access by field description: for code that walks a class's fields (the store), so no
 * field is looked up by name per value. */

const char *
atlas_record_field_get_text (AtlasRecord      *self,
                             const AtlasField *field)
{
  return *(char **) FIELD_PTR (self, field);
}

double
atlas_record_field_get_double (AtlasRecord      *self,
                               const AtlasField *field)
{
  return *(double *) FIELD_PTR (self, field);
}

gint64
atlas_record_field_get_int (AtlasRecord      *self,
                            const AtlasField *field)
{
  return *(gint64 *) FIELD_PTR (self, field);
}

void
atlas_record_field_set_text (AtlasRecord      *self,
                             const AtlasField *field,
                             const char       *value)
{
  char **text = (char **) FIELD_PTR (self, field);

  g_free (*text);
  *text = g_strdup (value);
}

void
atlas_record_field_set_double (AtlasRecord      *self,
                               const AtlasField *field,
                               double            value)
{
  *(double *) FIELD_PTR (self, field) = value;
}

void
atlas_record_field_set_int (AtlasRecord      *self,
                            const AtlasField *field,
                            gint64            value)
{
  *(gint64 *) FIELD_PTR (self, field) = value;
}

/**
 * atlas_record_dup:
 *
 * Returns: (transfer full): a record of the same kind with the same id, key and fields,
 *   which changes to @self do not reach
 */
AtlasRecord *
atlas_record_dup (AtlasRecord *self)
{
  AtlasRecordClass *klass;
  AtlasRecord *copy;

  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);

  klass = ATLAS_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), "key", atlas_record_get_key (self), NULL);
  atlas_record_set_id (copy, atlas_record_get_id (self));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasField *field = &klass->fields[i];

      if (field->type == ATLAS_FIELD_TEXT)
        atlas_record_field_set_text (copy, field, atlas_record_field_get_text (self, field));
      else if (field->type == ATLAS_FIELD_DOUBLE)
        atlas_record_field_set_double (copy, field, atlas_record_field_get_double (self, field));
      else
        atlas_record_field_set_int (copy, field, atlas_record_field_get_int (self, field));
    }
  if (klass->dup_extra != NULL)
    klass->dup_extra (self, copy);
  return copy;
}

/**
 * atlas_record_field_equal:
 *
 * Returns: whether @a and @b, records of one kind, hold the same value in @field; two
 *   unknown numbers (NaN) are equal
 */
gboolean
atlas_record_field_equal (AtlasRecord      *a,
                          AtlasRecord      *b,
                          const AtlasField *field)
{
  double x, y;

  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);

  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      return g_strcmp0 (atlas_record_field_get_text (a, field),
                        atlas_record_field_get_text (b, field)) == 0;
    case ATLAS_FIELD_DOUBLE:
      x = atlas_record_field_get_double (a, field);
      y = atlas_record_field_get_double (b, field);
      return (isnan (x) && isnan (y)) || x == y;
    case ATLAS_FIELD_INT:
      return atlas_record_field_get_int (a, field) == atlas_record_field_get_int (b, field);
    default:
      g_assert_not_reached ();
    }
}

/**
 * atlas_record_field_to_string:
 *
 * Returns: (transfer full) (nullable): the value of @field as text, as a history line
 *   keeps it; %NULL when it is not set
 */
char *
atlas_record_field_to_string (AtlasRecord      *self,
                              const AtlasField *field)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double number;

  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      return g_strdup (atlas_record_field_get_text (self, field));
    case ATLAS_FIELD_DOUBLE:
      number = atlas_record_field_get_double (self, field);
      return isnan (number) ? NULL : g_strdup (g_ascii_dtostr (buffer, sizeof buffer, number));
    case ATLAS_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, atlas_record_field_get_int (self, field));
    default:
      g_assert_not_reached ();
    }
}
