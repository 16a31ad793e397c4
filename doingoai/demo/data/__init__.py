"""The demo facts as plain Python data; `doingoai.demo.loader` writes them to the database.

Records refer to each other by natural keys (country ISO codes, agency codes, partner and agreement keys).
Facts marked "(illustrative)" are plausible stand-ins where the public record gives no value; everything
else follows /work/shared/domain.md §7. Personal names are fictional placeholders.
"""
