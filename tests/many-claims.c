/* many-claims.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case whose one incident carries thousands of claims, as a GeoJSON feature with
 * thousands of properties, or many sources on a few attributes, would give it: for the
 * details page's tests and its benchmark.
 */

#include "config.h"

#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "many-claims.h"

static AtlasRecord *
new_document (guint i)
{
  g_autofree char *key = g_strdup_printf ("doc-many-%u", i);
  g_autofree char *publisher = g_strdup_printf ("Publisher %u", i);
  AtlasRecord *document = ATLAS_RECORD (atlas_document_new (key));

  atlas_record_set_text (document, "title", "A report with many figures");
  atlas_record_set_text (document, "publisher", publisher);
  atlas_record_set_text (document, "published", "2024-01-04");
  atlas_record_set_text (document, "reliability", (const char *[]) { "A", "B", "C" }[i % 3]);
  atlas_record_set_text (document, "doc_kind", "news");
  return document;
}

static AtlasRecord *
new_incident (void)
{
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (MANY_CLAIMS_INCIDENT));

  atlas_record_set_text (incident, "title", "An incident with many claims");
  atlas_record_set_text (incident, "category", "bombing");
  atlas_record_set_text (incident, "start_time", "2024-01-03");
  atlas_record_set_text (incident, "start_precision", "day");
  atlas_record_set_double (incident, "latitude", 30.28);
  atlas_record_set_double (incident, "longitude", 57.08);
  atlas_record_set_text (incident, "location_precision", "town");
  return incident;
}

/* A figure: claims of one attribute that give different ones make it contested. */
static AtlasRecord *
new_claim (guint i,
           guint n_attributes,
           guint n_values)
{
  g_autofree char *key = g_strdup_printf ("cl-many-%u", i);
  g_autofree char *attribute = g_strdup_printf ("attribute_%06u", i % n_attributes);
  guint figure = 10 + (i / n_attributes) % n_values;
  g_autofree char *value = g_strdup_printf ("%u", figure);
  g_autofree char *document = g_strdup_printf ("doc-many-%u", i % 3);
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new (key));

  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", MANY_CLAIMS_INCIDENT);
  atlas_record_set_text (claim, "attribute", attribute);
  atlas_record_set_text (claim, "value_text", value);
  atlas_record_set_double (claim, "value_number", figure);
  atlas_record_set_text (claim, "qualifier", "exact");
  atlas_record_set_text (claim, "document_key", document);
  atlas_record_set_text (claim, "paraphrase", "What the report says, in the analyst's words.");
  atlas_record_set_int (claim, "credibility", 1 + i % 6);
  return claim;
}

/**
 * many_claims_case_new:
 * @n_claims: how many claims the incident carries
 * @n_attributes: over how many attributes they are spread
 * @n_values: how many different figures the claims of one attribute give, at most
 *
 * Returns: (transfer full): a new case at @path, writable
 */
AtlasCase *
many_claims_case_new (const char  *path,
                      guint        n_claims,
                      guint        n_attributes,
                      guint        n_values,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasCase) atlas_case = atlas_case_create (file, "Many claims", error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (atlas_case == NULL)
    return NULL;
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (records, new_document (i));
  g_ptr_array_add (records, new_incident ());
  for (guint i = 0; i < n_claims; i++)
    g_ptr_array_add (records, new_claim (i, MAX (n_attributes, 1), MAX (n_values, 1)));
  if (!atlas_case_write_records (atlas_case, records, error))
    return NULL;
  return g_steal_pointer (&atlas_case);
}
