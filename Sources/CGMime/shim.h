#ifndef MADO_CGMIME_SHIM_H
#define MADO_CGMIME_SHIM_H
// gmime.h uses the open(2) flags without including their header.
#include <fcntl.h>
#include <gmime/gmime.h>

// GObject type checks and casts are macros, which Swift cannot call: reach them through these functions.
static inline gboolean mado_is_multipart(GMimeObject *o) { return GMIME_IS_MULTIPART(o); }
static inline gboolean mado_is_message_part(GMimeObject *o) { return GMIME_IS_MESSAGE_PART(o); }
static inline gboolean mado_is_part(GMimeObject *o) { return GMIME_IS_PART(o); }
static inline GMimeMultipart *mado_multipart(GMimeObject *o) { return GMIME_MULTIPART(o); }
static inline GMimeMessagePart *mado_message_part(GMimeObject *o) { return GMIME_MESSAGE_PART(o); }
static inline GMimePart *mado_part(GMimeObject *o) { return GMIME_PART(o); }
static inline GMimeObject *mado_object(GMimeMessage *m) { return GMIME_OBJECT(m); }
static inline GMimeStream *mado_stream(GMimeStreamMem *s) { return GMIME_STREAM(s); }
static inline GMimeStreamNull *mado_stream_null(GMimeStream *s) { return GMIME_STREAM_NULL(s); }
static inline GMimeStreamMem *mado_stream_mem(GMimeStream *s) { return GMIME_STREAM_MEM(s); }
static inline gboolean mado_is_group(InternetAddress *a) { return INTERNET_ADDRESS_IS_GROUP(a); }
static inline gboolean mado_is_mailbox(InternetAddress *a) { return INTERNET_ADDRESS_IS_MAILBOX(a); }
static inline InternetAddressGroup *mado_group(InternetAddress *a) { return INTERNET_ADDRESS_GROUP(a); }
static inline InternetAddressMailbox *mado_mailbox(InternetAddress *a) { return INTERNET_ADDRESS_MAILBOX(a); }
// GMime marks this field private, but it is the parser's only record of whether a multipart's closing
// boundary line was found.
static inline gboolean mado_multipart_closed(GMimeMultipart *m) { return m->write_end_boundary; }
#endif
