/* atlas-record-pages.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of a case's records that holds only their row ids, in the list's order, and reads
 * the records a page at a time when a view asks for them. A list of a million incidents
 * then costs eight megabytes, not the gigabyte their records would, and shows at once: a
 * list view asks only for the rows on screen. The pages read last are kept; older ones are
 * let go, and read again if the view scrolls back.
 */

#include "config.h"

#include "atlas-case-private.h"
#include "atlas-record-pages.h"
#include "atlas-record.h"

#define PAGE_SIZE 64
/* 2,048 records: several screens of rows either way of the one shown */
#define MAX_PAGES 32

struct _AtlasRecordPages
{
  GObject     parent_instance;

  AtlasCase  *atlas_case;
  GType       record_type;
  GArray     *ids;       /* gint64 */
  GHashTable *pages;     /* page number → GPtrArray of its records, in order */
  GQueue      recent;    /* page numbers, the last read first */
};

static void atlas_record_pages_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasRecordPages, atlas_record_pages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atlas_record_pages_list_model_init))

/* "WHERE id IN (3,1,2)": only integers of ours go into the SQL. */
static char *
build_where_ids (const gint64 *ids,
                 guint         n_ids)
{
  GString *where = g_string_new ("WHERE id IN (");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (where, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (where, ')');
  return g_string_free (where, FALSE);
}

/* A record deleted since the list was made (the list is made again when the case
 * announces the change) keeps its place as an empty record, so positions do not shift. */
static GPtrArray *
read_page (AtlasRecordPages *self,
           guint             page)
{
  guint first = page * PAGE_SIZE, n = MIN (PAGE_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  g_autofree char *where = build_where_ids (ids, n);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = _atlas_case_query (self->atlas_case, self->record_type, where,
                                                   NULL, &error);
  guint n_found = found != NULL ? g_list_model_get_n_items (found) : 0;
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  if (found == NULL)
    g_warning ("Could not read records of the case: %s", error->message);
  for (guint i = 0; i < n; i++)
    {
      AtlasRecord *record = NULL;

      /* a page is small: finding each id among what was read is quicker than hashing */
      for (guint j = 0; j < n_found && record == NULL; j++)
        {
          g_autoptr(AtlasRecord) candidate = g_list_model_get_item (found, j);

          if (atlas_record_get_id (candidate) == ids[i])
            record = g_steal_pointer (&candidate);
        }
      g_ptr_array_add (records, record != NULL ? record : g_object_new (self->record_type, NULL));
    }
  return records;
}

static void
remember_page (AtlasRecordPages *self,
               guint             page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link);
  else
    link = g_list_alloc (), link->data = GUINT_TO_POINTER (page);
  g_queue_push_head_link (&self->recent, link);

  while (self->recent.length > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
}

static GPtrArray *
lookup_page (AtlasRecordPages *self,
             guint             page)
{
  GPtrArray *records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (records == NULL)
    {
      records = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
    }
  remember_page (self, page);
  return records;
}

static GType
atlas_record_pages_get_item_type (GListModel *model)
{
  return ATLAS_RECORD_PAGES (model)->record_type;
}

static guint
atlas_record_pages_get_n_items (GListModel *model)
{
  return ATLAS_RECORD_PAGES (model)->ids->len;
}

static gpointer
atlas_record_pages_get_item (GListModel *model,
                             guint       position)
{
  AtlasRecordPages *self = ATLAS_RECORD_PAGES (model);
  GPtrArray *records;

  if (position >= self->ids->len)
    return NULL;
  records = lookup_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (records, position % PAGE_SIZE));
}

static void
atlas_record_pages_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_record_pages_get_item_type;
  iface->get_n_items = atlas_record_pages_get_n_items;
  iface->get_item = atlas_record_pages_get_item;
}

static void
atlas_record_pages_finalize (GObject *object)
{
  AtlasRecordPages *self = ATLAS_RECORD_PAGES (object);

  g_queue_clear (&self->recent);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->atlas_case);

  G_OBJECT_CLASS (atlas_record_pages_parent_class)->finalize (object);
}

static void
atlas_record_pages_class_init (AtlasRecordPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_record_pages_finalize;
}

static void
atlas_record_pages_init (AtlasRecordPages *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

/**
 * atlas_record_pages_new:
 * @record_type: the records' type, a subtype of #AtlasRecord
 * @ids: (transfer none): the records' row ids (gint64), in the list's order
 *
 * Returns: (transfer full): a list of the records, read as they are asked for
 */
AtlasRecordPages *
atlas_record_pages_new (AtlasCase *atlas_case,
                        GType      record_type,
                        GArray    *ids)
{
  AtlasRecordPages *self;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, ATLAS_TYPE_RECORD), NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_PAGES, NULL);
  self->atlas_case = g_object_ref (atlas_case);
  self->record_type = record_type;
  self->ids = g_array_ref (ids);
  return self;
}
