/* test-manifest.c: static checks of the Flatpak manifest.
 *
 * Copyright The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no network on the machines that build Tidu, so flatpak-builder never runs here.
 * These checks keep the manifest honest instead: the right ids, a stable runtime, a sandbox
 * without network or home access, and bundled libraries pinned by checksum, with SQLite new
 * enough to carry the WAL-reset fix of 3.51.3.
 */

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#define APP_ID "io.github.tidu.Tidu"

/* 3.51.3 as the autoconf archive names it: 3 51 03 00. */
#define SQLITE_MIN_AUTOCONF_VERSION 3510300

static const char *manifest_path;
static JsonParser *manifest_parser;

static JsonObject *
get_manifest (void)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (manifest_parser == NULL)
    {
      manifest_parser = json_parser_new ();
      if (!json_parser_load_from_file (manifest_parser, manifest_path, &error))
        {
          g_test_message ("cannot parse %s: %s", manifest_path, error->message);
          g_clear_object (&manifest_parser);
          g_assert_no_error (error);
        }
    }

  root = json_parser_get_root (manifest_parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

/* The string member @name of @object, failing the test when it is missing or not a string. */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_test_message ("member \"%s\" is missing or not a string", name);
      g_test_fail ();
      return "";
    }
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_test_message ("member \"%s\" is missing or not an array", name);
      g_test_fail ();
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonArray *
get_modules (void)
{
  JsonArray *modules = get_array (get_manifest (), "modules");

  g_assert_nonnull (modules);
  g_assert_cmpuint (json_array_get_length (modules), >, 0);
  return modules;
}

/* The module object named @name, or NULL. Modules given as file names are skipped. */
static JsonObject *
find_module (const char *name)
{
  JsonArray *modules = get_modules ();

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      module = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (module, "name", NULL), name) == 0)
        return module;
    }

  g_test_message ("no module named \"%s\"", name);
  return NULL;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* The first "archive" source of @module, checked to have an https URL and a sha256. */
static JsonObject *
get_checked_archive (JsonObject *module)
{
  JsonArray *sources = get_array (module, "sources");

  g_assert_nonnull (sources);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonNode *node = json_array_get_element (sources, i);
      JsonObject *source;
      const char *sha256;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      source = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (source, "type", NULL), "archive") != 0)
        continue;

      g_test_message ("archive %s", get_string (source, "url"));
      g_assert_true (g_str_has_prefix (get_string (source, "url"), "https://"));
      sha256 = json_object_get_string_member_with_default (source, "sha256", NULL);
      g_test_message ("sha256 %s", sha256 ? sha256 : "(none)");
      g_assert_true (is_sha256 (sha256));
      return source;
    }

  g_test_message ("module has no archive source");
  g_test_fail ();
  return NULL;
}

/* The 7-digit version of an SQLite autoconf archive URL
 * (…/sqlite-autoconf-3510300.tar.gz → 3510300), or 0. */
static guint64
parse_sqlite_autoconf_version (const char *url)
{
  const char *start = strstr (url, "sqlite-autoconf-");
  g_autofree char *digits = NULL;
  guint64 version = 0;

  if (start == NULL)
    return 0;
  start += strlen ("sqlite-autoconf-");
  if (strspn (start, "0123456789") != 7 || !g_str_has_prefix (start + 7, ".tar."))
    return 0;

  digits = g_strndup (start, 7);
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT64, &version, NULL))
    return 0;
  return version;
}

static void
test_app_id (void)
{
  g_assert_cmpstr (get_string (get_manifest (), "app-id"), ==, APP_ID);
}

static void
test_runtime (void)
{
  JsonObject *manifest = get_manifest ();
  const char *version = get_string (manifest, "runtime-version");
  g_auto(GStrv) parts = NULL;

  g_assert_cmpstr (get_string (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (get_string (manifest, "sdk"), ==, "org.gnome.Sdk");

  /* A stable GNOME release such as "50", never "master" or a nightly branch. */
  g_test_message ("runtime-version %s", version);
  g_assert_cmpstr (version, !=, "");
  parts = g_strsplit (version, ".", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 number;

      g_assert_true (g_ascii_string_to_unsigned (parts[i], 10, 0, 999, &number, NULL));
      if (i == 0)
        g_assert_cmpuint (number, >=, 45);
    }
}

static void
test_command (void)
{
  g_assert_cmpstr (get_string (get_manifest (), "command"), ==, "tidu");
}

static void
check_no_broad_permission (JsonNode *node)
{
  const char *arg;

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  arg = json_node_get_string (node);
  g_test_message ("permission %s", arg);
  g_assert_cmpstr (arg, !=, "--share=network");
  /* Files go through the portals: no home or host access, not even read-only. */
  g_assert_false (g_str_has_prefix (arg, "--filesystem=home"));
  g_assert_false (g_str_has_prefix (arg, "--filesystem=host"));
  g_assert_false (g_str_has_prefix (arg, "--filesystem=~"));
  g_assert_false (g_str_has_prefix (arg, "--filesystem=/"));
}

static void
test_finish_args (void)
{
  JsonArray *args = get_array (get_manifest (), "finish-args");

  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (args); i++)
    check_no_broad_permission (json_array_get_element (args, i));
}

static void
test_sqlite (void)
{
  JsonObject *module = find_module ("sqlite");
  JsonObject *archive;
  guint64 version;

  g_assert_nonnull (module);
  archive = get_checked_archive (module);
  g_assert_nonnull (archive);

  version = parse_sqlite_autoconf_version (get_string (archive, "url"));
  g_test_message ("SQLite autoconf version %" G_GUINT64_FORMAT, version);
  g_assert_cmpuint (version, >=, SQLITE_MIN_AUTOCONF_VERSION);
}

static void
test_sqlite_version_parser (void)
{
  g_assert_cmpuint (parse_sqlite_autoconf_version ("https://www.sqlite.org/2026/sqlite-autoconf-3510300.tar.gz"), ==, 3510300);
  g_assert_cmpuint (parse_sqlite_autoconf_version ("https://www.sqlite.org/2026/sqlite-autoconf-3510200.tar.gz"), <, SQLITE_MIN_AUTOCONF_VERSION);
  g_assert_cmpuint (parse_sqlite_autoconf_version ("https://www.sqlite.org/2026/sqlite-src-3510300.zip"), ==, 0);
  g_assert_cmpuint (parse_sqlite_autoconf_version ("https://www.sqlite.org/2026/sqlite-autoconf-351030.tar.gz"), ==, 0);
}

static void
test_libxlsxwriter (void)
{
  JsonObject *module = find_module ("libxlsxwriter");

  g_assert_nonnull (module);
  g_assert_nonnull (get_checked_archive (module));
}

static void
test_app_module (void)
{
  JsonArray *modules = get_modules ();
  JsonNode *last = json_array_get_element (modules, json_array_get_length (modules) - 1);
  JsonObject *module;
  JsonNode *run_tests;
  JsonNode *build_options;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (last));
  module = json_node_get_object (last);

  g_assert_cmpstr (get_string (module, "name"), ==, "tidu");
  g_assert_cmpstr (get_string (module, "buildsystem"), ==, "meson");

  run_tests = json_object_get_member (module, "run-tests");
  g_assert_nonnull (run_tests);
  g_assert_true (JSON_NODE_HOLDS_VALUE (run_tests));
  g_assert_cmpint (json_node_get_value_type (run_tests), ==, G_TYPE_BOOLEAN);
  g_assert_true (json_node_get_boolean (run_tests));

  /* The tests run in the sandbox too: they may get the display, but not the network. */
  build_options = json_object_get_member (module, "build-options");
  if (build_options != NULL && JSON_NODE_HOLDS_OBJECT (build_options) &&
      json_object_has_member (json_node_get_object (build_options), "test-args"))
    {
      JsonArray *args = get_array (json_node_get_object (build_options), "test-args");

      g_assert_nonnull (args);
      for (guint i = 0; i < json_array_get_length (args); i++)
        check_no_broad_permission (json_array_get_element (args, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The manifest path comes first; g_test_init only sees the remaining arguments. */
  if (argc < 2 || argv[1][0] == '-')
    {
      g_printerr ("usage: %s MANIFEST.json [GTEST-OPTION…]\n", argv[0]);
      return 1;
    }
  manifest_path = argv[1];
  argv[1] = argv[0];
  argc--;
  argv++;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/manifest/app-id", test_app_id);
  g_test_add_func ("/manifest/runtime", test_runtime);
  g_test_add_func ("/manifest/command", test_command);
  g_test_add_func ("/manifest/finish-args", test_finish_args);
  g_test_add_func ("/manifest/sqlite/version-parser", test_sqlite_version_parser);
  g_test_add_func ("/manifest/sqlite/module", test_sqlite);
  g_test_add_func ("/manifest/libxlsxwriter", test_libxlsxwriter);
  g_test_add_func ("/manifest/app-module", test_app_module);

  status = g_test_run ();
  g_clear_object (&manifest_parser);
  return status;
}
