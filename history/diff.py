"""Readable differences between two versions of a page, for visitors as well as editors.

Built on Wagtail's own comparison classes (the ones the admin's "Compare" screen uses), limited to what readers
see: the title and the page's content panels. Every value is escaped text or an image thumbnail, so a diff can
never carry markup or script from the content into the page.
"""

from dataclasses import dataclass

from django.utils.html import escape

from wagtail.admin.compare import CharBlockComparison, diff_text
from wagtail.admin.panels import ObjectList
from wagtail.embeds.blocks import EmbedBlock


class EmbedURLComparison(CharBlockComparison):
    """Compares videos by their address: rendering the embed could mean asking the provider, on a visitor's request."""

    @staticmethod
    def url(value):
        return getattr(value, "url", "") or ""

    def htmlvalue(self, val):
        return escape(self.url(val))

    def htmldiff(self):
        return diff_text(self.url(self.val_a), self.url(self.val_b)).to_html()


def use_url_comparison_for_embeds():
    """Called once from the app's ready(): Wagtail's comparison looks for this method on each block class."""
    EmbedBlock.get_comparison_class = lambda block: EmbedURLComparison


@dataclass
class FieldChange:
    label: str
    html: str
    child_changes: list | None = None


def _content_panel(page_class):
    panels = getattr(page_class, "content_panels", None)
    return ObjectList(panels, heading="Content").bind_to_model(page_class)


def shows_a_change(html):
    """Whether a comparison's HTML marks anything as added or removed (markup-only edits, such as the ids the
    rich-text editor adds to paragraphs, change the stored value but nothing a reader sees)."""
    return 'class="addition"' in html or 'class="deletion"' in html


def compare(page_class, old, new, request=None):
    """The fields that visibly differ between two page objects (e.g. `revision.as_object()`), in editor order."""
    bound = _content_panel(page_class).get_bound_panel(instance=new, request=request, form=None)
    changes = []
    for comparison_class in bound.get_comparison():
        comparison = comparison_class(old, new)
        if not comparison.has_changed():
            continue
        if comparison.is_child_relation:
            children = [
                child
                for child in comparison.get_child_comparisons()
                if child.is_addition()
                or child.is_deletion()
                or child.get_position_change()
                or any(
                    shows_a_change(field.htmldiff()) for field in child.get_field_comparisons() if field.has_changed()
                )
            ]
            if children:
                changes.append(FieldChange(label=comparison.field_label(), html="", child_changes=children))
        else:
            html = comparison.htmldiff()
            if shows_a_change(html):
                changes.append(FieldChange(label=comparison.field_label(), html=html))
    return changes
